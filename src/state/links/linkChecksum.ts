// The checksum of link format v2: CRC-32 (the zlib/PNG polynomial), which catches every change of one
// character and every cut. Computed over UTF-16 code units (low byte, then the high byte when non-zero:
// link text is ASCII but for hand-edited fields), so no encoder is needed.

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Continues a CRC-32 (`crc` from an earlier call, or 0) over `text`. */
export function crc32(text: string, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    c = TABLE[(c ^ u) & 0xff] ^ (c >>> 8);
    if (u > 0xff) c = TABLE[(c ^ (u >>> 8)) & 0xff] ^ (c >>> 8);
  }
  return ~c >>> 0;
}

/** Eight lowercase hex digits. */
export const hex32 = (n: number): string => n.toString(16).padStart(8, '0');
