// Shared links: the whole screen (scenario, variant, step, view) in the URL fragment, compact and versioned.
// Format v3: `#v3&step=12&variant=v4.18&view=diagram[&cpu=1][&embed=1][&cmp=ID,ID[,ID]]&data=PAYLOAD&sum=CRC`
// where PAYLOAD is lz-string's URI-safe compression of the scenario as a compact JSON (linkCompact.ts)
// and CRC the checksum of the scenario and the version (linkSum.ts), so that a changed or lost character
// of the scenario is reported instead of opening another scenario; the view fields, which people edit by
// hand, are checked one by one (linkFields.ts). Format v2 is v3 with a checksum of the whole link, written
// when the era v6.15 was called `mainline` (MIGRATIONS maps it); format v1 is v2 without `sum`; both keep
// opening as they did.
// The small fields stay outside the payload, so stepping re-encodes nothing (the payload is cached per
// scenario). Unpacking is bounded (linkInflate.ts) and the scenario must fit in a scenario file
// (engine/limits.ts), so a link never carries what the importer or the CLI would refuse.
import {
  formatErrors,
  legacyVariantId,
  MAX_LINK_CHARS,
  MAX_LINK_DATA_CHARS,
  MAX_SCENARIO_BYTES,
  printScenario,
  utf8Bytes,
  validateScenario,
  type Scenario,
} from '../../engine';
import { fromCompact, LinkError, toCompact } from './linkCompact';
import { embedField, wholeField } from './linkFields';
import { inflateLink } from './linkInflate';
import { checkLinkSum, payloadCrc, scenarioSum } from './linkSum';
// lz-string is CommonJS: a default import works in Vite, vitest and plain Node (e2e, bench) alike.
import LZString from 'lz-string';

export const SHARE_VERSION = 3;

/** What a link carries. `view` is checked by the caller against the views it knows. */
export interface SharedScreen {
  scenario: Scenario;
  variant: string;
  step: number;
  view: string;
  embed: boolean;
  /** The palette's CPU. */
  cpu: number;
  /** The compare view's variants, as written in the link (checked by the caller); absent in most links. */
  compare?: string[];
  /**
   * Further view parameters (reviewer mode, the explorer's form...), owned by src/state/links/linkParams.ts:
   * written before the payload, read back as every field this file does not know.
   */
  params?: Record<string, string>;
  /** View fields of the link that were refused (and replaced by their defaults), in words. */
  problems?: string[];
}

/** The fields this file reads itself; any other is a view parameter. */
const OWN_FIELDS = new Set(['step', 'variant', 'view', 'cpu', 'embed', 'cmp', 'data', 'sum']);

export type DecodeResult = { ok: true; screen: SharedScreen } | { ok: false; message: string };

/** The small fields of a link, as read from it (before checking). */
export type LinkParams = Record<string, string>;

/** Compressing a 10,000-event scenario takes a few ms: done once per scenario object. */
const payloads = new WeakMap<Scenario, { payload: string; crc: number }>();

function packed(sc: Scenario): { payload: string; crc: number } {
  let p = payloads.get(sc);
  if (p === undefined) {
    const payload = LZString.compressToEncodedURIComponent(JSON.stringify(toCompact(sc)));
    p = { payload, crc: payloadCrc(payload) };
    payloads.set(sc, p);
  }
  return p;
}

/** The fragment (without `#`) for a screen. */
export function encodeShare(screen: SharedScreen): string {
  const fields: [string, string][] = [
    ['step', String(screen.step)],
    ['variant', screen.variant],
    ['view', screen.view],
  ];
  if (screen.cpu) fields.push(['cpu', String(screen.cpu)]);
  if (screen.embed) fields.push(['embed', '1']);
  if (screen.compare?.length) fields.push(['cmp', screen.compare.join(',')]);
  for (const [k, v] of Object.entries(screen.params ?? {})) if (!OWN_FIELDS.has(k)) fields.push([k, v]);
  const { payload, crc } = packed(screen.scenario);
  let out = `v${SHARE_VERSION}`;
  for (const [k, v] of fields)
    out += `&${k}=${k === 'cmp' ? v.split(',').map(encodeURIComponent).join(',') : encodeURIComponent(v)}`;
  return `${out}&data=${payload}&sum=${scenarioSum(crc, SHARE_VERSION)}`;
}

/** The link parameters that name one variant (the step view's, the explorer's, the gallery entry). */
export const VARIANT_PARAMS: readonly string[] = ['variant', 'xv', 'entry'];

/**
 * v2 to v3: until v3, `mainline` named the era now called v6.15, and since v3 it is an alias of the
 * newest era; so `mainline` and `mainline/...` in a v1 or v2 link are rewritten to v6.15's ids
 * (legacyVariantId), wherever the link names a variant: the parameters and the compared list. The
 * scenario's own `variant` and `notesVariant` are scenario content, read by the same rule in every
 * link and file (scenario.ts).
 */
function mainlineWasV6_15(params: LinkParams): LinkParams {
  const out = { ...params };
  for (const k of VARIANT_PARAMS) if (out[k] !== undefined) out[k] = legacyVariantId(out[k]);
  if (out.cmp !== undefined) out.cmp = out.cmp.split(',').map(legacyVariantId).join(',');
  return out;
}

/**
 * Migrations from link version n to n+1, applied in order to the decoded JSON. v2 added only the
 * checksum (checked before unpacking), so v1 data is v2 data; v3 renamed `mainline` (above).
 */
export const MIGRATIONS: Record<
  number,
  (old: { params: LinkParams; data: Record<string, unknown> }) => {
    params: LinkParams;
    data: Record<string, unknown>;
  }
> = { 1: (v1) => v1, 2: (v2) => ({ params: mainlineWasV6_15(v2.params), data: v2.data }) };

interface Fragment {
  version: number;
  params: LinkParams;
  /** Every field but `data` and `sum`, in the order written: what older v2 checksums cover. */
  fields: [string, string][];
}

/** Splits `v2&a=b&data=...` into its version and fields. The payload is not URI-decoded (it needs none). */
function splitFragment(text: string): Fragment | null {
  const parts = text.split('&');
  const m = /^v(\d{1,6})$/.exec(parts[0]);
  if (!m) return null;
  const params: LinkParams = {};
  const fields: [string, string][] = [];
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    const raw = part.slice(eq + 1);
    let value = raw;
    if (key !== 'data')
      try {
        value = decodeURIComponent(raw);
      } catch {
        value = raw;
      }
    params[key] = value;
    if (key !== 'data' && key !== 'sum') fields.push([key, value]);
  }
  return { version: Number(m[1]), params, fields };
}

const damaged = (message: string): DecodeResult => ({ ok: false, message });

/** Reads a fragment (with or without `#`). Never throws: a bad link gives a message saying what is wrong. */
export function decodeShare(fragment: string): DecodeResult {
  // With the full budget it never gives up; the fallback only satisfies the type.
  return decodeShareWithin(fragment, MAX_LINK_DATA_CHARS) ?? damaged('The link could not be read.');
}

/**
 * decodeShare, giving up (null) as soon as the link's data unpacks to more than `budget` characters:
 * the caller decodes larger links elsewhere (linkDecoder.ts). With the full budget it never gives up.
 */
export function decodeShareWithin(fragment: string, budget: number): DecodeResult | null {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > MAX_LINK_CHARS)
    return damaged(
      `The link is too long (${text.length.toLocaleString('en')} characters; links are at most ${MAX_LINK_CHARS.toLocaleString('en')}).`,
    );
  const parsed = splitFragment(text);
  if (!parsed)
    return damaged(`The address does not hold a fpsimd-viz link (it should start with #v${SHARE_VERSION}&).`);
  const { version } = parsed;
  if (version > SHARE_VERSION)
    return damaged(
      `The link was made by a newer version of fpsimd-viz (link format v${version}; this version reads up to v${SHARE_VERSION}).`,
    );
  if (version < 1) return damaged(`The link format v${version} does not exist.`);
  const payload = parsed.params.data;
  if (!payload) return damaged('The link is incomplete: it has no scenario data.');
  const badSum = checkLinkSum(parsed, payload, SHARE_VERSION);
  if (badSum) return damaged(badSum);
  let inflated: ReturnType<typeof inflateLink>;
  try {
    inflated = inflateLink(payload, Math.min(budget, MAX_LINK_DATA_CHARS));
  } catch {
    inflated = { ok: false, reason: 'damaged' };
  }
  if (!inflated.ok && inflated.reason === 'too-large' && budget < MAX_LINK_DATA_CHARS) return null;
  if (!inflated.ok)
    return damaged(
      inflated.reason === 'too-large'
        ? `The link was not opened: its data unpacks to more than ${MAX_LINK_DATA_CHARS.toLocaleString('en')} characters, more than any scenario file can hold (${MAX_SCENARIO_BYTES / 1e6} MB).`
        : 'The link is damaged or incomplete: its data could not be unpacked.',
    );
  return decodeData(version, parsed.params, inflated.text);
}

function decodeData(version: number, params: LinkParams, json: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return damaged('The link is damaged or incomplete (it may have been cut short when copied).');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return damaged('The link is damaged: its data is not a fpsimd-viz scenario.');
  try {
    let link = { params, data: value as Record<string, unknown> };
    for (let v = version; v < SHARE_VERSION; v++) link = MIGRATIONS[v](link);
    const res = validateScenario(fromCompact(link.data));
    if (!res.ok) return damaged(`The link's scenario is not valid:\n${formatErrors(res.errors)}`);
    const bytes = utf8Bytes(printScenario(res.scenario));
    if (bytes > MAX_SCENARIO_BYTES)
      return damaged(
        `The link was not opened: its scenario would be a ${(bytes / 1e6).toFixed(1)} MB file, over the ${MAX_SCENARIO_BYTES / 1e6} MB that scenario files may have.`,
      );
    const p = link.params;
    // v1 links refuse a step or CPU that is not a number, as they always did; later ones name it.
    const step = wholeField(p, 'step', version < 2);
    const cpu = wholeField(p, 'cpu', version < 2);
    const embed = embedField(p, version < 2);
    const problems = [step.problem, cpu.problem, embed.problem].filter((x): x is string => x !== undefined);
    const extra = Object.entries(p).filter(([k]) => !OWN_FIELDS.has(k));
    return {
      ok: true,
      screen: {
        scenario: res.scenario,
        variant: p.variant ?? '',
        step: step.value,
        view: p.view ?? '',
        embed: embed.value,
        cpu: cpu.value,
        ...(p.cmp !== undefined ? { compare: p.cmp.split(',') } : {}),
        ...(extra.length ? { params: Object.fromEntries(extra) } : {}),
        ...(problems.length ? { problems } : {}),
      },
    };
  } catch (e) {
    if (e instanceof LinkError) return damaged(`The link is damaged: ${e.message}.`);
    return damaged('The link is damaged: its data could not be read.');
  }
}
