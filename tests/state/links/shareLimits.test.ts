// Links are bounded: a crafted link cannot unpack to more than a scenario file may hold, a link never
// carries what the importer refuses, and task specs are read strictly.
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  MAX_LINK_CHARS,
  MAX_LINK_DATA_CHARS,
  MAX_EVENTS,
  MAX_SCENARIO_BYTES,
  parseScenario,
  printScenario,
  utf8Bytes,
} from '../../../src/engine';
import { decodeShare } from '../../../src/state/links/share';
import { bombPayload, bombSize } from './linkBomb';
import { fullNotes, longNotes, maxEvents } from './linkLimitScenarios';

const limitLink = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../fixtures/links-limits/${name}.txt`, 'utf8').trim();

const link = (compact: object, version = 1): string =>
  `v${version}&step=0&variant=v4.18&view=diagram&data=${LZString.compressToEncodedURIComponent(JSON.stringify(compact))}`;
const base = { t: 'x', c: 1, k: 'qemu:vcpu0', s: 'qemu', e: 'b0' };

describe('link size limits', () => {
  it('refuses a 100 kB link that would unpack to 500 MB, without unpacking it', { timeout: 30_000 }, () => {
    const codes = 31_623;
    expect(bombSize(codes)).toBeGreaterThan(500_000_000);
    const payload = bombPayload(codes);
    expect(payload.length).toBeLessThan(100_000);
    const res = decodeShare(`v1&step=0&variant=v4.18&view=diagram&data=${payload}`);
    expect(res).toEqual({
      ok: false,
      message: expect.stringMatching(/unpacks to more than 5,000,000 characters/),
    });
  });

  it('refuses a link just over the unpacked limit and reads one just under it', { timeout: 30_000 }, () => {
    // The smallest bomb over the limit, and one under it (not a scenario, so refused later, differently).
    let codes = 1;
    while (bombSize(codes) <= MAX_LINK_DATA_CHARS) codes++;
    const over = decodeShare(`v1&data=${bombPayload(codes)}`);
    expect(!over.ok && over.message).toMatch(/unpacks to more than/);
    const under = decodeShare(`v1&data=${bombPayload(codes - 1)}`);
    expect(!under.ok && under.message).toMatch(/cut short|damaged/);
    expect(!under.ok && under.message).not.toMatch(/unpacks to more than/);
  });

  it('refuses a link longer than browsers carry, before reading it', () => {
    const res = decodeShare(`v2&data=${'A'.repeat(MAX_LINK_CHARS)}`);
    expect(!res.ok && res.message).toMatch(/too long \(2,097,160 characters; links are at most 2,097,152\)/);
  });

  it(
    'refuses a link whose scenario would be a file the importer refuses (20,000 events, 250-char notes)',
    { timeout: 30_000 },
    () => {
      expect(parseScenario(printScenario(longNotes())).ok).toBe(false);
      const res = decodeShare(limitLink('long-notes'));
      expect(!res.ok && res.message).toMatch(/was not opened: its data unpacks to more than/);
    },
  );

  it(
    'opens a link whose scenario is a file just under the limit, and that file imports',
    { timeout: 30_000 },
    () => {
      const text = printScenario(fullNotes(2448));
      expect(utf8Bytes(text)).toBeLessThanOrEqual(MAX_SCENARIO_BYTES);
      expect(parseScenario(text).ok).toBe(true);
      const res = decodeShare(limitLink('full-notes-at-limit'));
      expect(res.ok && res.screen.scenario).toEqual(fullNotes(2448));
    },
  );

  it('refuses a link whose scenario is a file just over the limit, saying so', { timeout: 30_000 }, () => {
    expect(parseScenario(printScenario(fullNotes(2449))).ok).toBe(false);
    const res = decodeShare(limitLink('full-notes-over-limit'));
    expect(!res.ok && res.message).toBe(
      'The link was not opened: its scenario would be a 5.0 MB file, over the 5 MB that scenario files may have.',
    );
  });

  it('opens a link with the most events a scenario may have', { timeout: 30_000 }, () => {
    const res = decodeShare(limitLink('max-events'));
    expect(res.ok && res.screen.scenario).toEqual(maxEvents(MAX_EVENTS));
  });
});

describe('strict link data', () => {
  it('refuses a task spec with trailing garbage, saying which', () => {
    const res = decodeShare(link({ ...base, k: 'qemu:vcpu0:garbage' }));
    expect(!res.ok && res.message).toBe(
      'The link is damaged: task 0 of the task list ("qemu:vcpu0:garbage") is not "id", "id:vcpu", "id:vcpu+" (an SVE vcpu) or "id!" (a kernel thread).',
    );
  });

  it.each([['a!b'], ['!'], [''], ['qemu:'], ['qemu!!'], ['qemu,']])('refuses the task list "%s"', (k) => {
    const res = decodeShare(link({ ...base, k, s: '' }));
    expect(!res.ok && res.message).toMatch(/task \d of the task list|tasks\[\d\]/);
  });

  it('still reads every spec a writer makes', () => {
    const res = decodeShare(link({ ...base, k: 'qemu:vcpu0,editor,kworker!', s: 'qemu' }));
    expect(res.ok && res.screen.scenario.tasks).toEqual([
      { id: 'qemu', vcpu: 'vcpu0' },
      { id: 'editor' },
      { id: 'kworker', kthread: true },
    ]);
  });

  it('refuses an event list cut after an op code or before a schedule task', () => {
    const noCpu = decodeShare(link({ ...base, e: 'b0b' }));
    expect(!noCpu.ok && noCpu.message).toMatch(/event 1 \(ret_to_user\) has no CPU/);
    const noTask = decodeShare(link({ ...base, k: 'qemu:vcpu0,b', e: 'a0' }));
    expect(!noTask.ok && noTask.message).toMatch(/event 0 \(schedule\) names no task/);
  });

  it('refuses notes keyed by anything but an event index', () => {
    for (const n of [{ '1.0': 'x' }, { '01': 'x' }, ['x']]) {
      const res = decodeShare(link({ ...base, e: 'b0b0', n }));
      expect(res.ok).toBe(false);
    }
  });
});
