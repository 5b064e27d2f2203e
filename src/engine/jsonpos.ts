// Where JSON text first goes wrong. Only used after JSON.parse has failed, because V8's messages do
// not always carry a position ("Unexpected token 'x', ... is not valid JSON").

/** Offset of the first syntax error in text (text.length when it ends too early), or -1 if valid. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = (): void => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || !m[0]) fail();
    else i += m[0].length;
  };
  // Iterative, with an explicit stack of open containers: nesting 20,000 deep must not overflow.
  const open: ('{' | '[')[] = [];
  const value = (): void => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) i++;
        else {
          open.push(c);
          if (c === '{') key();
          continue;
        }
      } else if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else number();
      // A value ended: close containers until one takes another member.
      for (;;) {
        const top = open.at(-1);
        if (top === undefined) return;
        ws();
        if (text[i] === ',') {
          i++;
          if (top === '{') key();
          break;
        }
        if (text[i] !== (top === '{' ? '}' : ']')) fail();
        i++;
        open.pop();
      }
    }
  };
  /** `"name":` inside an object, up to its value. */
  const key = (): void => {
    ws();
    if (text[i] !== '"') fail();
    string();
    ws();
    if (text[i] !== ':') fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    if (typeof at !== 'number') throw at;
    return Math.min(at, text.length);
  }
}

/** A key given twice in one object: JSON.parse would keep the last value without a word. */
export interface DuplicateKey {
  /** JSON path of the key in its object (`tasks[1].id`), as keys and indices. */
  path: (string | number)[];
  /** Offsets in the text of the second and of the first occurrence of the key. */
  offset: number;
  firstOffset: number;
}

/**
 * An open container. An object's keys so far: a list searched in order while short (most objects hold
 * a few), a map beyond, so an object of a million keys is not searched a million times over.
 */
type Frame =
  | {
      obj: true;
      keys: string[];
      offsets: number[];
      map: Map<string, number> | null;
      key: string;
      expectKey: boolean;
    }
  | { obj: false; index: number };

const LIST_KEYS = 16;

/** Offset of `key`'s first occurrence in the object, or -1; records it when new. */
function seen(f: Extract<Frame, { obj: true }>, key: string, offset: number): number {
  if (f.map === null) {
    const at = f.keys.indexOf(key);
    if (at >= 0) return f.offsets[at];
    f.keys.push(key);
    f.offsets.push(offset);
    if (f.keys.length > LIST_KEYS) f.map = new Map(f.keys.map((k, j) => [k, f.offsets[j]]));
    return -1;
  }
  const first = f.map.get(key);
  if (first !== undefined) return first;
  f.map.set(key, offset);
  return -1;
}

/** End (past the closing quote) of the JSON string that opens at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

const QUOTE = 34;
const OPEN_OBJ = 123;
const CLOSE_OBJ = 125;
const OPEN_ARR = 91;
const CLOSE_ARR = 93;
const COMMA = 44;

/** The first key given twice in one object of valid JSON text, or null. Iterative: any nesting depth. */
export function jsonDuplicateKey(text: string): DuplicateKey | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.obj && top.expectKey) {
        const raw = text.slice(i + 1, end - 1);
        // Escapes read as JSON.parse reads them, so "\u0061" and "a" are the same key.
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        const first = seen(top, key, i);
        if (first >= 0)
          return {
            path: [...stack.slice(0, -1).map((f) => (f.obj ? f.key : f.index)), key],
            offset: i,
            firstOffset: first,
          };
        top.key = key;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === OPEN_OBJ) stack.push({ obj: true, keys: [], offsets: [], map: null, key: '', expectKey: true });
    else if (c === OPEN_ARR) stack.push({ obj: false, index: 0 });
    else if (c === CLOSE_OBJ || c === CLOSE_ARR) stack.pop();
    else if (c === COMMA) {
      const top = stack[stack.length - 1];
      if (top.obj) top.expectKey = true;
      else top.index++;
    }
    i++;
  }
  return null;
}
