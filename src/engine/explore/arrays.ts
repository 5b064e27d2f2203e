// Growing typed arrays (the explorer's tables grow by copying into a larger array of the same kind).
type Grows = Int32Array<ArrayBuffer> | Int16Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;

/** A copy of a in a new array of the same kind and the given length (at least a's). */
export function grown<T extends Grows>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/** a itself if it holds `length` elements, else a copy at least that long and twice a's length. */
export function atLeast<T extends Grows>(a: T, length: number): T {
  return length <= a.length ? a : grown(a, Math.max(length, a.length * 2));
}
