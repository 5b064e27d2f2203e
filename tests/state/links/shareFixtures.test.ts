// Frozen fixtures (tests/fixtures/README.md): links and scenario files written by an earlier build must
// open to the same screen in every later build, and the link format's op codes never change meaning.
import { payloadCrc, scenarioSum } from '../../../src/state/links/linkSum';
import { readdirSync, readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  legacyVariantId,
  OPS,
  parseScenario,
  printScenario,
  SVE_OPS,
  TASK_OPS,
  type Op,
  type Scenario,
} from '../../../src/engine';
import { DEFAULT_COMPARE, useCompareStore } from '../../../src/state/stores/compareStore';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { decodeShare, encodeShare, type SharedScreen } from '../../../src/state/links/share';
import { crc32, hex32 } from '../../../src/state/links/linkChecksum';
import { openFragment, shareFragment } from '../../../src/state/links/urlSync';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { connectLinkOwners } from '../../../src/state/links/linkParams';
import { memoryStorage, resetStores } from '../fixtures';

const FIXTURES = `${import.meta.dirname}/../../fixtures`;

// Opening a fixture starts loading the explore and gallery link owners (lazily): wait for them before
// the file's environment is torn down, so no import is left pending.
afterAll(() => Promise.all(['explore', 'gallery'].map((v) => connectLinkOwners(v))));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(`${FIXTURES}/${path}`, 'utf8')) as T;

interface LinkFixture {
  name: string;
  fragment: string;
  decoded: SharedScreen;
  opened: {
    variant: string;
    cursor: number;
    view: string;
    embed: boolean;
    paletteCpu: number;
    compare: string[];
  };
}

const links = readJson<LinkFixture[]>('links/v1-links.json');

/**
 * The screen a fixture was written for, named as this build names it: these links were made when the
 * era v6.15 was called `mainline`, so `mainline` and `mainline/...` open as v6.15's ids (the same
 * kernel code as then); every other field is as written. A compare set the link does not carry is
 * not the link's: the store keeps the one it had (DEFAULT_COMPARE here).
 */
function asWritten(l: LinkFixture): { decoded: SharedScreen; opened: LinkFixture['opened'] } {
  const d = l.decoded;
  const sc = d.scenario;
  const params = d.params
    ? Object.fromEntries(
        Object.entries(d.params).map(([k, v]) => [k, k === 'xv' || k === 'entry' ? legacyVariantId(v) : v]),
      )
    : undefined;
  const decoded: SharedScreen = {
    ...d,
    variant: legacyVariantId(d.variant),
    scenario: {
      ...sc,
      ...(sc.variant !== undefined ? { variant: legacyVariantId(sc.variant) } : {}),
      ...(sc.notesVariant !== undefined ? { notesVariant: legacyVariantId(sc.notesVariant) } : {}),
    },
    ...(d.compare ? { compare: d.compare.map(legacyVariantId) } : {}),
    ...(params ? { params } : {}),
  };
  const opened = {
    ...l.opened,
    variant: legacyVariantId(l.opened.variant),
    compare: d.compare ? l.opened.compare.map(legacyVariantId) : [...DEFAULT_COMPARE],
  };
  return { decoded, opened };
}

function freshStores(): void {
  resetStores();
  useLibraryStore.getState().load(memoryStorage());
  useCompareStore.setState({ variants: [...DEFAULT_COMPARE] });
}

/** Opens a fixture's link: it must open without a notice. What is on screen then, as fixtures state it. */
function openedScreen(fragment: string): LinkFixture['opened'] {
  expect(openFragment(`#${fragment}`)).toBe(true);
  expect(useNoticeStore.getState().notices).toEqual([]);
  const s = useScenarioStore.getState();
  const v = useViewStore.getState();
  return {
    variant: s.variantId,
    cursor: s.cursor,
    view: v.view,
    embed: v.embed,
    paletteCpu: v.paletteCpu,
    compare: useCompareStore.getState().variants,
  };
}
const rejected = readJson<{ name: string; why: string; fragment: string }[]>('links/v1-rejected.json');
const codes = readJson<{ codes: Record<string, string> }>('links/op-codes.json').codes;

describe('v1 links written by an earlier build', () => {
  beforeEach(freshStores);

  it('cover every view, every op, notes and kernel threads', () => {
    const views = new Set(links.map((l) => l.decoded.view));
    expect([...views].sort()).toEqual(['compare', 'diagram', 'explore', 'tour']);
    expect(links.some((l) => l.decoded.embed)).toBe(true);
    const events = links.flatMap((l) => l.decoded.scenario.events);
    expect(new Set(events.map((e) => e.op))).toEqual(new Set(Object.values(codes)));
    expect(events.some((e) => e.note !== undefined)).toBe(true);
    expect(links.some((l) => l.decoded.scenario.tasks.some((t) => t.kthread))).toBe(true);
  });

  it('name the era now called v6.15 as mainline, in the variant and in compare sets', () => {
    expect(links.some((l) => l.decoded.variant === 'mainline')).toBe(true);
    expect(links.some((l) => l.decoded.compare?.includes('mainline'))).toBe(true);
  });

  it.each(links.map((l) => [l.name, l] as const))('%s decodes to the same screen', (_, l) => {
    const res = decodeShare(l.fragment);
    expect(res).toEqual({ ok: true, screen: asWritten(l).decoded });
  });

  it.each(links.map((l) => [l.name, l] as const))('%s opens to the same screen', (_, l) => {
    const opened = openedScreen(l.fragment);
    const { decoded, opened: want } = asWritten(l);
    expect(useScenarioStore.getState().scenario).toEqual(decoded.scenario);
    expect(opened).toEqual(want);
  });

  it.each(rejected.map((l) => [l.name, l] as const))('%s is still refused with a message', (_, l) => {
    const res = decodeShare(l.fragment);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message.length).toBeGreaterThan(20);
  });
});

const v2Links =
  readJson<(Omit<LinkFixture, 'opened'> & { opened: Partial<LinkFixture['opened']> })[]>(
    'links/v2-links.json',
  );

describe('v2 links written before the checksum left the view fields (their sum covers them)', () => {
  beforeEach(freshStores);

  it('cover the view fields people edit, the compare set and view parameters', () => {
    expect(new Set(v2Links.map((l) => l.decoded.view))).toEqual(
      new Set(['diagram', 'compare', 'explore', 'gallery', 'tour']),
    );
    expect(v2Links.every((l) => /^v2&step=\d+&variant=[^&]+&view=/.test(l.fragment))).toBe(true);
    expect(v2Links.some((l) => l.decoded.params)).toBe(true);
  });

  it.each(v2Links.map((l) => [l.name, l] as const))('%s decodes to the same screen', (_, l) => {
    expect(decodeShare(l.fragment)).toEqual({ ok: true, screen: l.decoded });
  });

  it.each(v2Links.map((l) => [l.name, l] as const))('%s opens to the same screen', (_, l) => {
    const opened: Partial<LinkFixture['opened']> = openedScreen(l.fragment);
    expect(useScenarioStore.getState().scenario).toEqual(l.decoded.scenario);
    if (!l.opened.compare) delete opened.compare;
    expect(opened).toEqual(l.opened);
  });

  it.each(v2Links.map((l) => [l.name, l] as const))(
    '%s is still refused when a field is edited, as before (its checksum covers the fields)',
    (_, l) => {
      const res = decodeShare(l.fragment.replace(/&step=\d+/, (m) => `${m}1`));
      expect(!res.ok && res.message).toMatch(/does not match its checksum/);
    },
  );

  it('refuses one whose prefix was changed to #v1, naming the version it was made as', () => {
    const res = decodeShare(v2Links[0].fragment.replace(/^v2&/, 'v1&'));
    expect(!res.ok && res.message).toMatch(/it says #v1, but .*\(it was made as #v2\)/);
  });
});

/** The op code letters a screen's link uses, read from its payload. */
function linkOpCodes(sc: Scenario): string {
  const frag = encodeShare({
    scenario: sc,
    variant: 'v4.18',
    step: 0,
    view: 'diagram',
    embed: false,
    cpu: 0,
  });
  const data = frag.slice(frag.indexOf('&data=') + 6);
  const compact = JSON.parse(LZString.decompressFromEncodedURIComponent(data)) as { e: string };
  return compact.e;
}

const oneEvent = (op: Op): Scenario => ({
  format: 'fpsimd-scenario/1',
  title: op,
  cpus: 1,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'other' }],
  start: { '0': 'qemu' },
  // The SVE ops exist on SVE machines only.
  ...(SVE_OPS.includes(op) ? { sve: true } : {}),
  // Ops that name a task (schedule's target, ptrace's tracee) carry one.
  events: [TASK_OPS.includes(op) ? { cpu: 0, op, task: 'other' } : { cpu: 0, op }],
});

describe('link op codes', () => {
  const frozen = Object.entries(codes);

  it('are the letters a, b, c... in order, each naming a distinct op', () => {
    expect(frozen.map(([code]) => code)).toEqual(frozen.map((_, i) => String.fromCharCode(97 + i)));
    expect(new Set(frozen.map(([, op]) => op)).size).toBe(frozen.length);
  });

  it.each(frozen)('code %s still decodes to %s', (code, op) => {
    const data = LZString.compressToEncodedURIComponent(
      JSON.stringify({
        t: 'x',
        c: 1,
        k: 'qemu:vcpu0,other',
        s: 'qemu',
        e: `${code}0${op === 'schedule' ? '1' : ''}`,
      }),
    );
    const res = decodeShare(`v1&step=0&variant=v4.18&view=diagram&data=${data}`);
    expect(res.ok && res.screen.scenario.events[0].op).toBe(op);
  });

  it.each(OPS.map((op) => [op]))('every engine op has a code: %s', (op) => {
    const code = linkOpCodes(oneEvent(op))[0];
    expect(code).toMatch(/^[a-z]$/);
    // An op in the frozen table keeps its code; a new op takes a letter after the frozen ones.
    const frozenCode = frozen.find(([, o]) => o === op)?.[0];
    if (frozenCode !== undefined) expect(code).toBe(frozenCode);
    else expect(code.charCodeAt(0) - 97).toBeGreaterThanOrEqual(frozen.length);
    const res = decodeShare(
      encodeShare({
        scenario: oneEvent(op),
        variant: 'v4.18',
        step: 0,
        view: 'diagram',
        embed: false,
        cpu: 0,
      }),
    );
    expect(res.ok && res.screen.scenario.events).toEqual(oneEvent(op).events);
  });

  it('gives distinct engine ops distinct codes', () => {
    const used = OPS.map((op) => linkOpCodes(oneEvent(op))[0]);
    expect(new Set(used).size).toBe(OPS.length);
  });
});

describe('scenario files written by an earlier build', () => {
  const expected = readJson<Record<string, Scenario>>('scenarios/expected.json');
  const files = readdirSync(`${FIXTURES}/scenarios/files`).filter((f) => f.endsWith('.json'));

  it('are all listed with their expected scenario, every op among them', () => {
    expect(files.map((f) => f.slice(0, -5)).sort()).toEqual(Object.keys(expected).sort());
    const ops = new Set(Object.values(expected).flatMap((sc) => sc.events.map((e) => e.op)));
    expect(ops).toEqual(new Set(Object.values(codes)));
  });

  it.each(files.map((f) => [f]))('%s parses to the same scenario and prints the same text', (f) => {
    const text = readFileSync(`${FIXTURES}/scenarios/files/${f}`, 'utf8');
    const res = parseScenario(text);
    expect(res).toEqual({ ok: true, scenario: expected[f.slice(0, -5)] });
    expect(res.ok && printScenario(res.scenario)).toBe(text);
  });
});

/** The fragment as format `version` would sign it (the checksum covers the version). */
function resign(fragment: string, version: number): string {
  const parts = fragment.split('&').slice(1);
  const fields = parts.filter((p) => !p.startsWith('data=') && !p.startsWith('sum='));
  const payload = parts.find((p) => p.startsWith('data='))!.slice(5);
  let tail = `v${version}`;
  for (const f of fields) {
    const eq = f.indexOf('=');
    tail += `&${f.slice(0, eq)}=${decodeURIComponent(f.slice(eq + 1))}`;
  }
  // v2's checksum covers the whole link; v3's the scenario and the version (linkSum.ts).
  const sum =
    version >= 3 ? scenarioSum(payloadCrc(payload), version) : hex32(crc32(tail, crc32(`${payload}\n`)));
  return [`v${version}`, ...fields, `data=${payload}`, `sum=${sum}`].join('&');
}

const OPENED_UNUSED: LinkFixture['opened'] = {
  variant: '',
  cursor: 0,
  view: '',
  embed: false,
  paletteCpu: 0,
  compare: [],
};

interface V2Fixture {
  name: string;
  fragment: string;
  decoded: SharedScreen;
}

describe('v2 links written before eras were named by release (mainline was v6.15)', () => {
  const v2 = readJson<V2Fixture[]>('links/v2-mainline-links.json');

  beforeEach(() => {
    resetStores();
    useLibraryStore.getState().load(memoryStorage());
    useCompareStore.setState({ variants: [...DEFAULT_COMPARE] });
  });

  it("name mainline everywhere a link can: variant, cmp, xv, entry, the scenario's variant", () => {
    expect(v2.every((l) => l.fragment.startsWith('v2&'))).toBe(true);
    const text = JSON.stringify(v2.map((l) => l.decoded));
    for (const where of [
      '"variant":"mainline"',
      '"xv":"mainline/',
      '"entry":"mainline/',
      '"notesVariant":"mainline"',
    ])
      expect(text).toContain(where);
    expect(v2.some((l) => l.decoded.compare?.includes('mainline'))).toBe(true);
  });

  it.each(v2.map((l) => [l.name, l] as const))('%s decodes to the same screen, mainline as v6.15', (_, l) => {
    const res = decodeShare(l.fragment);
    expect(res).toEqual({ ok: true, screen: asWritten({ ...l, opened: OPENED_UNUSED }).decoded });
    expect(JSON.stringify(res)).not.toMatch(/"mainline/);
  });

  it('opens the step view on v6.15 and writes v6.15 back, never mainline', () => {
    const l = v2.find((x) => x.name === 'step-view-mainline')!;
    expect(openFragment(`#${l.fragment}`)).toBe(true);
    expect(useNoticeStore.getState().notices).toEqual([]);
    expect(useScenarioStore.getState().variantId).toBe('v6.15');
    expect(useScenarioStore.getState().cursor).toBe(7);
    const link = shareFragment();
    expect(link.startsWith('v3&')).toBe(true);
    expect(link).not.toContain('mainline');
  });

  it('opens a compare set naming mainline as v6.15', () => {
    const l = v2.find((x) => x.name === 'compare-with-mainline')!;
    expect(openFragment(`#${l.fragment}`)).toBe(true);
    expect(useCompareStore.getState().variants).toEqual(['v4.17', 'v4.18', 'v6.15']);
    const h = v2.find((x) => x.name === 'historic-mainline-variant')!;
    expect(openFragment(`#${h.fragment}`)).toBe(true);
    expect(useScenarioStore.getState().variantId).toBe('v6.15/pre-e92bee9f861b');
    expect(useCompareStore.getState().variants).toEqual(['v6.15', 'v6.15/pre-e92bee9f861b']);
  });

  it('reads the same fragment as v3 with mainline meaning the newest era', () => {
    const l = v2.find((x) => x.name === 'step-view-mainline')!;
    // Re-signed as v3: only the version differs, so only the meaning of mainline does.
    const res = decodeShare(resign(l.fragment, 3));
    expect(res.ok && res.screen.variant).toBe('mainline');
    expect(openFragment(`#${resign(l.fragment, 3)}`)).toBe(true);
    expect(useScenarioStore.getState().variantId).toBe('v6.16');
  });
});

describe('a scenario file written before eras were named by release', () => {
  const text = readFileSync(`${FIXTURES}/scenarios-mainline/notes-for-mainline.json`, 'utf8');

  it('names mainline as its variant and the variant of its notes', () => {
    expect(text).toContain('"variant": "mainline"');
    expect(text).toContain('"notesVariant": "mainline"');
  });

  it('opens as v6.15, its notes written for v6.15, and is written back naming v6.15', () => {
    const res = parseScenario(text);
    expect(res.ok && res.scenario.variant).toBe('v6.15');
    expect(res.ok && res.scenario.notesVariant).toBe('v6.15');
    expect(res.ok && printScenario(res.scenario)).toBe(
      text
        .replace('"variant": "mainline"', '"variant": "v6.15"')
        .replace('"notesVariant": "mainline"', '"notesVariant": "v6.15"'),
    );
  });
});
