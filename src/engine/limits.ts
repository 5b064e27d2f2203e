// Size limits of scenarios, in one place: the importer, the command line and the link decoder all read
// these, so whatever one of them accepts the others accept too (a scenario opened from a link exports to
// a file the importer and the CLI take).

/** Scenario files larger than this (in UTF-8 bytes) are refused before parsing; 100,000 plain events
 * print to about 3.5 MB. A link carries at most a scenario whose file fits here. */
export const MAX_SCENARIO_BYTES = 5_000_000;
export const MAX_EVENTS = 100_000;
export const MAX_CPUS = 8;
export const MAX_TASKS = 32;
export const MAX_NOTE_CHARS = 2000;

/**
 * A link's unpacked data (its compact JSON) is never longer than the scenario's file, so a link that
 * unpacks to more than the file limit cannot hold an acceptable scenario: unpacking stops there, before
 * a crafted link (a few kB that would unpack to hundreds of MB) can allocate more.
 */
export const MAX_LINK_DATA_CHARS = MAX_SCENARIO_BYTES;

/** Longer fragments are refused unread: browsers do not carry addresses much beyond 2 MB. */
export const MAX_LINK_CHARS = 2_097_152;

/** UTF-8 length of text, without building the encoded copy. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
