// Fuzz (bounded, seeded): random, truncated and altered links through the decoder. Whatever the text,
// decoding returns (it never throws or hangs): the screen, or an error that says what is wrong.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/scenarios';
import { decodeShare, encodeShare, type DecodeResult } from '../../../src/state/links/share';

const SEED = 20261201;
// Through an async wrapper, so the properties hold whether decoding stays synchronous or not.
const decode = async (fragment: string): Promise<DecodeResult> => decodeShare(fragment);

/** Links made by this build: every example, with notes, on each view, some with a comparison. */
const LINKS: string[] = EXAMPLES.flatMap((ex, i) => [
  encodeShare({ scenario: ex.scenario, variant: 'v4.18', step: i, view: 'diagram', embed: false, cpu: 0 }),
  encodeShare({
    scenario: ex.scenario,
    variant: 'mainline',
    step: 0,
    view: 'compare',
    embed: i % 2 === 0,
    cpu: 0,
    compare: ['v4.17', 'v4.18', 'mainline'],
  }),
]);

/** What each link opens before any change. */
const ORIGINAL = LINKS.map((l) => {
  const r = decodeShare(l);
  if (!r.ok) throw new Error(`a link this build made does not open: ${r.message}`);
  return r.screen;
});

function expectAnswer(res: DecodeResult): void {
  if (res.ok) {
    expect(res.screen.scenario.format).toBe('fpsimd-scenario/1');
    return;
  }
  expect(typeof res.message).toBe('string');
  expect(res.message.trim().length).toBeGreaterThan(10);
  expect(res.message).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]|^\s+at /m);
}

const LZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const payloadChars = fc.string({ unit: fc.constantFrom(...LZ_ALPHABET), maxLength: 400 });
const field = fc.tuple(
  fc.constantFrom('step', 'variant', 'view', 'cpu', 'embed', 'cmp', 'data', 'x', ''),
  fc.string({ maxLength: 12 }),
);

describe('fuzz: links through the decoder', () => {
  it('answers random text, random fields and random payloads', async () => {
    const fragment = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .tuple(
          fc.constantFrom('v1', 'v0', 'v2', 'v01', 'v999999999999', '#v1'),
          fc.array(field, { maxLength: 6 }),
        )
        .map(([v, fs]) => [v, ...fs.map(([k, x]) => `${k}=${x}`)].join('&')),
      payloadChars.map((p) => `v1&step=0&variant=v4.18&view=diagram&data=${p}`),
      // Valid compression of invalid data: JSON that is not a compact scenario.
      fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => `v1&data=${LZString.compressToEncodedURIComponent(JSON.stringify(v) ?? 'null')}`),
    );
    await fc.assert(
      fc.asyncProperty(fragment, async (f) => expectAnswer(await decode(f))),
      { seed: SEED, numRuns: 1500 },
    );
  }, 30_000);

  it('answers every link cut short', async () => {
    const cut = fc
      .tuple(fc.constantFrom(...LINKS), fc.nat())
      .map(([link, n]) => link.slice(0, n % link.length));
    await fc.assert(
      fc.asyncProperty(cut, async (f) => expectAnswer(await decode(f))),
      { seed: SEED + 1, numRuns: 1500 },
    );
  }, 30_000);

  it('answers every link with a character changed, added or removed', async () => {
    const changed = fc
      .tuple(
        fc.constantFrom(...LINKS),
        fc.nat(),
        fc.constantFrom(...LZ_ALPHABET, '&', '=', '%', '%zz', '\u0000', 'é'),
        fc.constantFrom('replace', 'insert', 'delete'),
      )
      .map(([link, n, ch, how]) => {
        const at = n % link.length;
        const rest = how === 'insert' ? link.slice(at) : link.slice(at + 1);
        return link.slice(0, at) + (how === 'delete' ? '' : ch) + rest;
      });
    await fc.assert(
      fc.asyncProperty(changed, async (f) => expectAnswer(await decode(f))),
      { seed: SEED + 2, numRuns: 1500 },
    );
  }, 30_000);

  it('never opens a different scenario from a link with one character changed: it is reported', async () => {
    const changed = fc
      .tuple(fc.nat(LINKS.length - 1), fc.nat(), fc.constantFrom(...LZ_ALPHABET, '&', '=', '%', 'é'))
      .map(([i, n, ch]) => {
        const link = LINKS[i];
        const at = n % link.length;
        return { i, inData: at >= link.indexOf('&data='), link: link.slice(0, at) + ch + link.slice(at + 1) };
      });
    await fc.assert(
      fc.asyncProperty(changed, async ({ i, inData, link }) => {
        const res = await decode(link);
        // Either refused (with a message) or the very same scenario: the checksum guards it. A change
        // of the scenario's data or checksum opens the very same screen or nothing; a changed view field
        // (step, view...) opens, and is checked field by field when shown (linkFields.test.ts).
        if (!res.ok) expectAnswer(res);
        else if (inData) expect(res.screen).toEqual(ORIGINAL[i]);
        else expect(res.screen.scenario).toEqual(ORIGINAL[i].scenario);
      }),
      { seed: SEED + 3, numRuns: 1500 },
    );
  }, 30_000);

  it('still opens every link this build makes', async () => {
    for (const link of LINKS) expect((await decode(link)).ok).toBe(true);
  });
});
