// The checksum of links v3 (and v2 links made by this code) guards the scenario (the payload) and the version prefix only: the
// view parameters (step, variant, view...) may be edited by hand and are checked one by one when the
// link is opened (linkFields.ts), each with its own message. v2 links made before this (up to
// 2026-12-07) carry a checksum of the whole link, fields included: they keep opening exactly as before.
import { crc32, hex32 } from './linkChecksum';

/** Link versions whose links may carry the older whole-link checksum. */
const WHOLE_LINK_SUM_VERSIONS: ReadonlySet<number> = new Set([2]);
/** The first link version with a checksum. */
const FIRST_SUMMED_VERSION = 2;

/** CRC-32 of the payload, a newline and the version (`v2`): what new links carry as `sum`. */
export function scenarioSum(payloadCrc: number, version: number): string {
  return hex32(crc32(`v${version}`, payloadCrc));
}

/** The CRC of `${payload}\n`, which every checksum starts from. */
export const payloadCrc = (payload: string): number => crc32(`${payload}\n`);

/**
 * The older whole-link checksum: the payload's CRC continued over the version and every other field as
 * `&key=value` (values URI-decoded), in the order written.
 */
function wholeLinkSum(crc: number, version: number, fields: readonly [string, string][]): string {
  let tail = `v${version}`;
  for (const [k, v] of fields) tail += `&${k}=${v}`;
  return hex32(crc32(tail, crc));
}

/** A link as split by share.ts: its version, its fields by name and, in order, those the old sum covered. */
export interface SummedLink {
  version: number;
  params: Record<string, string>;
  /** Every field but `data` and `sum`, in the order written. */
  fields: [string, string][];
}

/** Whether `sum` is a checksum this version of the link could carry for its payload. */
function matches(sum: string, crc: number, version: number, fields: readonly [string, string][]): boolean {
  if (scenarioSum(crc, version) === sum) return true;
  return WHOLE_LINK_SUM_VERSIONS.has(version) && wholeLinkSum(crc, version, fields) === sum;
}

/** The version a link with this checksum was made as, when its prefix was changed; null if none. */
function madeAs(sum: string, crc: number, link: SummedLink, newest: number): number | null {
  for (let v = FIRST_SUMMED_VERSION; v <= newest; v++)
    if (v !== link.version && matches(sum, crc, v, link.fields)) return v;
  return null;
}

/** Checks a link's checksum; null when it is right (or the version has none), else the message. */
export function checkLinkSum(link: SummedLink, payload: string, newest: number): string | null {
  const sum = link.params.sum;
  if (link.version < FIRST_SUMMED_VERSION) {
    if (sum === undefined) return null;
    const made = /^[0-9a-f]{8}$/.test(sum) ? madeAs(sum, payloadCrc(payload), link, newest) : null;
    return (
      `The link's version prefix does not match it: it says #v${link.version}, but it carries a checksum, ` +
      `which v${link.version} links never have${made ? ` (it was made as #v${made})` : ''}. ` +
      'Ask for the link again, or restore its prefix.'
    );
  }
  if (sum === undefined)
    return 'The link is damaged or incomplete: its checksum is missing (it may have been cut short when copied).';
  if (!/^[0-9a-f]{8}$/.test(sum))
    return `The link is damaged or incomplete: its checksum "${sum.slice(0, 20)}" is not 8 hex digits (it may have been cut short when copied).`;
  const crc = payloadCrc(payload);
  if (matches(sum, crc, link.version, link.fields)) return null;
  const made = madeAs(sum, crc, link, newest);
  if (made !== null)
    return (
      `The link's version prefix does not match it: it says #v${link.version}, but its data was written as ` +
      `#v${made}. Ask for the link again, or restore its prefix.`
    );
  return (
    'The link is damaged: it does not match its checksum, so a character was changed, lost or added ' +
    'after it was made (often by copying or editing it by hand). Ask for the link again.'
  );
}
