// Link formats v2 and v3 carry a checksum: a changed, lost or added character is reported instead of opening
// another scenario; v1 links (no checksum) open as before.
import { describe, expect, it } from 'vitest';
import { rng } from '../../src/engine';
import { crc32, hex32 } from '../../src/state/linkChecksum';
import { decodeShare, encodeShare, type SharedScreen } from '../../src/state/share';
import { twoCpuScenario } from './fixtures';

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

  it('reports every one-character change, anywhere in the link', () => {
    const next = rng(7);
    let changed = 0;
    for (let i = 0; i < link.length; i++) {
      for (let k = 0; k < 3; k++) {
        const c = ALPHABET[Math.floor(next() * ALPHABET.length)];
        if (c === link[i]) continue;
        const res = decodeShare(link.slice(0, i) + c + link.slice(i + 1));
        // Only a change that means the same (e.g. %2F for %2f) may open, and then the same screen.
        if (res.ok) expect(res.screen).toEqual(screen);
        else {
          expect(res.message).toMatch(/damaged|incomplete|newer version|not hold a fpsimd-viz link/);
          changed++;
        }
      }
    }
    expect(changed).toBeGreaterThan(link.length * 2);
  });

  it('reports a changed step or variant, which v1 links would open as another screen', () => {
    for (const [from, to] of [
      ['step=3', 'step=4'],
      ['cpu=1', 'cpu=0'],
      ['view=compare', 'view=diagram'],
    ]) {
      const res = decodeShare(link.replace(from, to));
      expect(!res.ok && res.message).toMatch(/does not match its checksum/);
    }
  });

  it('reports a link cut anywhere, or one with a character lost or added', () => {
    for (let cut = 1; cut < link.length; cut += 7) expect(decodeShare(link.slice(0, cut)).ok).toBe(false);
    for (let i = 0; i < link.length; i += 5) {
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
    const res = decodeShare(link.replace('step=3', 'step=5'));
    expect(!res.ok && res.message).toBe(
      'The link is damaged: it does not match its checksum, so a character was changed, lost or added after it ' +
        'was made (often by copying or editing it by hand). Ask for the link again.',
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
