// Link formats v2 and v3 carry a checksum of the scenario and the version: a changed, lost or added
// character of either is reported instead of opening another scenario, while view fields edited by hand
// open (each checked on its own); v1 links (no checksum) open as before.
import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/engine';
import { crc32, hex32 } from '../../../src/state/links/linkChecksum';
import { decodeShare, encodeShare, type SharedScreen } from '../../../src/state/links/share';
import { twoCpuScenario } from '../fixtures';

const screen: SharedScreen = {
  scenario: twoCpuScenario(),
  variant: 'v4.18/no-put-save',
  step: 3,
  view: 'compare',
  embed: false,
  cpu: 1,
  compare: ['v4.18', 'v4.18/no-put-save'],
};
const link = encodeShare(screen);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$&=%.,/';

describe('the checksum (v2 and later)', () => {
  it('is CRC-32', () => {
    expect(hex32(crc32('123456789'))).toBe('cbf43926');
    expect(crc32('6789', crc32('12345'))).toBe(crc32('123456789'));
  });

  it('ends every new link, and the link opens', () => {
    expect(link).toMatch(/^v3&step=3&.*&data=[A-Za-z0-9+$-]+&sum=[0-9a-f]{8}$/);
    expect(decodeShare(link)).toEqual({ ok: true, screen });
  });

  const dataAt = link.indexOf('&data=');

  it('reports every one-character change of the scenario, its checksum or the version prefix', () => {
    const next = rng(7);
    let changed = 0;
    for (let i = 0; i < link.length; i++) {
      if (i > 1 && i < dataAt) continue;
      for (let k = 0; k < 3; k++) {
        const c = ALPHABET[Math.floor(next() * ALPHABET.length)];
        if (c === link[i]) continue;
        const res = decodeShare(link.slice(0, i) + c + link.slice(i + 1));
        // Only a change that means the same may open, and then the same screen.
        if (res.ok) expect(res.screen).toEqual(screen);
        else {
          expect(res.message).toMatch(/damaged|incomplete|newer version|not hold a fpsimd-viz link|prefix/);
          changed++;
        }
      }
    }
    expect(changed).toBeGreaterThan((link.length - dataAt) * 2);
  });

  it('guards the scenario only: a hand-edited step, variant, view or CPU opens the same scenario', () => {
    for (const [from, to, field] of [
      ['step=3', 'step=20', { step: 20 }],
      ['cpu=1', 'cpu=0', { cpu: 0 }],
      ['view=compare', 'view=diagram', { view: 'diagram' }],
      ['variant=v4.18%2Fno-put-save', 'variant=v4.17', { variant: 'v4.17' }],
    ] as const) {
      const res = decodeShare(link.replace(from, to));
      expect(res).toEqual({ ok: true, screen: { ...screen, ...field } });
    }
    // A field that cannot be read is named, and replaced by its default; the rest opens.
    expect(decodeShare(link.replace('step=3', 'step=abc'))).toEqual({
      ok: true,
      screen: { ...screen, step: 0, problems: ['step=abc is not a whole number; showing step 0'] },
    });
  });

  it('reports a link cut anywhere, or one with a character of its scenario lost or added', () => {
    for (let cut = 1; cut < link.length; cut += 7) expect(decodeShare(link.slice(0, cut)).ok).toBe(false);
    for (let i = dataAt + 6; i < link.length; i += 5) {
      expect(decodeShare(link.slice(0, i) + link.slice(i + 1)).ok).toBe(false);
      expect(decodeShare(`${link.slice(0, i)}A${link.slice(i)}`).ok).toBe(false);
    }
  });

  it('says plainly what is wrong', () => {
    expect(decodeShare(link.replace(/&sum=.*/, ''))).toEqual({
      ok: false,
      message:
        'The link is damaged or incomplete: its checksum is missing (it may have been cut short when copied).',
    });
    const res = decodeShare(link.replace('&data=N', '&data=M'));
    expect(!res.ok && res.message).toBe(
      'The link is damaged: it does not match its checksum, so a character was changed, lost or added after it ' +
        'was made (often by copying or editing it by hand). Ask for the link again.',
    );
  });

  it('refuses a version prefix that does not match the link, saying so', () => {
    const res = decodeShare(link.replace(/^v3&/, 'v1&'));
    expect(!res.ok && res.message).toBe(
      "The link's version prefix does not match it: it says #v1, but it carries a checksum, which v1 links " +
        'never have (it was made as #v3). Ask for the link again, or restore its prefix.',
    );
  });

  it('survives a browser re-encoding the fields (values are checked decoded)', () => {
    const res = decodeShare(link.replace('v4.18%2Fno-put-save', 'v4.18/no-put-save'));
    expect(res).toEqual({ ok: true, screen });
  });

  it('leaves v1 links opening as before, without a checksum', () => {
    const v1 = link.replace(/^v3&/, 'v1&').replace(/&sum=.*/, '');
    expect(decodeShare(v1)).toEqual({ ok: true, screen });
    // v1 has no checksum: a changed step opens another step, as it always did.
    const res = decodeShare(v1.replace('step=3', 'step=4'));
    expect(res.ok && res.screen.step).toBe(4);
  });
});
