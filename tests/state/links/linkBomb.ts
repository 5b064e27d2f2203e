// A crafted lz-string payload whose output grows with the square of its length: after the first
// character, every code names the dictionary entry being defined (the "cScSc" case), so each entry is
// the previous one plus a character. `codes` codes unpack to about codes²/2 characters.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export function bombPayload(codes: number): string {
  let out = '';
  let acc = 0;
  let n = 0;
  // lz-string's bit order: each value least significant bit first, six bits a character, first bit high.
  const put = (value: number, bits: number): void => {
    for (let k = 0; k < bits; k++) {
      acc = (acc << 1) | ((value >> k) & 1);
      if (++n === 6) {
        out += ALPHABET[acc];
        acc = 0;
        n = 0;
      }
    }
  };
  put(0, 2); // an 8-bit character follows
  put(97, 8); // "a"
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    put(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  put(2, numBits); // end of stream
  put(0, 6 - n);
  return out + ALPHABET[0];
}

/** Characters a bomb of `codes` codes unpacks to. */
export const bombSize = (codes: number): number => 1 + ((codes + 3) * codes) / 2;
