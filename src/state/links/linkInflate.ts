// lz-string's decompressFromEncodedURIComponent (lz-string 1.5.0, WTFPL, by pieroxy), with a budget:
// it stops as soon as the output would pass `maxChars`. lz-string itself has no limit, and its output
// can grow with the square of its input (a 74 kB link unpacks to 500 MB), so a link is unpacked here,
// never by LZString directly. Same result as lz-string for every input within the budget (tested).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export type InflateResult =
  | { ok: true; text: string }
  /** `damaged`: not lz-string data (lz-string gives null or ""); `too-large`: over the budget. */
  | { ok: false; reason: 'damaged' | 'too-large' };

export function inflateLink(input: string, maxChars: number): InflateResult {
  if (input === '') return { ok: false, reason: 'damaged' };
  const length = input.length;
  // lz-string reads a character outside its alphabet (a space is read as "+") as six zero bits.
  const valueAt = (i: number): number => {
    const code = input.charCodeAt(i);
    if (code === 32) return 62;
    return code < 128 && VALUE[code] >= 0 ? VALUE[code] : 0;
  };
  let val = valueAt(0);
  let position = 32;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    for (let power = 1, k = 0; k < n; k++, power <<= 1) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = valueAt(index++);
      }
      if (resb > 0) bits |= power;
    }
    return bits;
  };
  const damaged: InflateResult = { ok: false, reason: 'damaged' };
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  let c: string;
  switch (readBits(2)) {
    case 0:
      c = String.fromCharCode(readBits(8));
      break;
    case 1:
      c = String.fromCharCode(readBits(16));
      break;
    default:
      return damaged;
  }
  dictionary[3] = c;
  let w = c;
  const result: string[] = [c];
  let total = 1;
  for (;;) {
    if (index > length) return damaged;
    let code = readBits(numBits);
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === 2) {
      const text = result.join('');
      return text ? { ok: true, text } : damaged;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (dictionary[code]) entry = dictionary[code];
    else if (code === dictSize) entry = w + w.charAt(0);
    else return damaged;
    // The budget is checked before the entry is kept: nothing past it is ever held.
    total += entry.length;
    if (total > maxChars) return { ok: false, reason: 'too-large' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
