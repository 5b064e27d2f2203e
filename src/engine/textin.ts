// Bytes of a file to text: UTF-8 only, and anything else named for what it is (UTF-16 with or without
// its byte order mark, UTF-32, invalid UTF-8 at its byte offset) rather than decoded into replacement
// characters that JSON.parse then trips over. The CLI's reader and the app's import both use it.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const SAVE = 'save it as UTF-8';

/** Share of the first (up to 256) 2-byte units whose byte at `at` is 0 and the other one is not. */
function zeroShare(b: Uint8Array, at: 0 | 1): number {
  const units = Math.min(128, Math.floor(b.length / 2));
  let hits = 0;
  for (let i = 0; i < units; i++) if (b[2 * i + at] === 0 && b[2 * i + 1 - at] !== 0) hits++;
  return units ? hits / units : 0;
}

/** What the bytes are when they are not UTF-8 text, by byte order mark or by their zero bytes. */
function otherEncoding(b: Uint8Array): string | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32 text';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 text';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return 'UTF-16 text (little-endian, with a byte order mark)';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return 'UTF-16 text (big-endian, with a byte order mark)';
  // JSON text is mostly ASCII: in UTF-16 every other byte is then 0. UTF-8 text has no 0 byte at all.
  if (b.length >= 2 && zeroShare(b, 1) >= 0.75) return 'UTF-16 text (little-endian)';
  if (b.length >= 2 && zeroShare(b, 0) >= 0.75) return 'UTF-16 text (big-endian)';
  return null;
}

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // Sequence length and the allowed range of its second byte (no overlongs, no surrogates, <= U+10FFFF).
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += len;
  }
  return -1;
}

const hex = (x: number): string => `0x${x.toString(16).padStart(2, '0')}`;

/**
 * The bytes as UTF-8 text (a UTF-8 byte order mark is kept: the scenario reader drops it), or what
 * they are instead: "UTF-16 text (...); save it as UTF-8", "not UTF-8: byte 0xff at offset 12 ...".
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const other = otherEncoding(bytes);
  if (other !== null) return { ok: false, message: `${other}; ${SAVE}` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const at = invalidUtf8Offset(bytes);
    const where =
      at < 0
        ? ''
        : `: byte ${hex(bytes[at])} at offset ${at.toLocaleString('en')} is not part of a UTF-8 character`;
    return { ok: false, message: `not UTF-8 text${where}; ${SAVE}` };
  }
}
