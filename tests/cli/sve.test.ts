// The CLI on SVE machines: the SVE gallery (machine, bugs found by check --first, clean eras), the
// refusal of an SVE vcpu under an era without guest SVE, run's SVE state, variants' releaseBugs. The
// lists come from the engine's own data (galleryEntries, Era.releaseBugs), so the SVE bugs the eras
// define are each checked here as they land.
import { describe, expect, it } from 'vitest';
import {
  ERAS,
  galleryEntries,
  ownViolation,
  parseScenario,
  sveGalleryMachine,
  sveProblem,
  SVE_GALLERY_DEPTH,
  SVE_GALLERY_MACHINE,
  type Scenario,
} from '../../src/engine';
import { explore, type Counterexample } from '../../src/engine/explore';
import { REFERENCE_SCENARIO, runCli } from './helpers';
import { variantNamed } from '../engine/helpers';

const variant = variantNamed;
const sveEntries = galleryEntries().filter((e) => e.sve);

/** A small SVE scenario (no SVE vcpu: every era runs it). */
const SVE_SCENARIO: Scenario = {
  format: 'fpsimd-scenario/1',
  title: 'SVE task',
  cpus: 1,
  sve: true,
  tasks: [{ id: 'app' }, { id: 'qemu', vcpu: 'vcpu0' }],
  start: { '0': 'app' },
  events: [
    { cpu: 0, op: 'ret_to_user' },
    { cpu: 0, op: 'user_sve' },
  ],
};

describe('fpsimd-viz on SVE machines', () => {
  it('gallery --sve-machine prints the SVE gallery machine as a scenario file', async () => {
    const r = await runCli(['gallery', '--sve-machine']);
    expect(r.code).toBe(0);
    const p = parseScenario(r.out);
    expect(p.ok && p.scenario.sve).toBe(true);
    expect(JSON.parse(r.out)).toEqual(SVE_GALLERY_MACHINE);
  });

  // The gallery's searches, verdicts and clean claims (v6.16 with its release bugs fixed among them) run
  // once, in tests/cli/gallery.test.ts; here check --first, the command the issue names, on each kind of
  // search: a fixed base's id, a release's own bugs.
  const check = (variantId: string, machine: Scenario, depth: number, first = true) =>
    runCli(
      [
        'check',
        'm.json',
        '--variant',
        variantId,
        ...(first ? ['--first'] : []),
        '--depth',
        String(depth),
        '--reduce',
        'dead,cpus',
        '--json',
      ],
      { 'm.json': machine },
    );

  it("check --first finds v6.13/pre-61da7c8e2a60's own bug on its fixed base (the gallery's search)", async () => {
    const e = sveEntries.find((x) => x.fix.commit === '61da7c8e2a60')!;
    expect(e.variant.id).toBe('v6.13/pre-61da7c8e2a60+49ce484187f7');
    const r = await check(e.variant.id, e.machine, e.depth);
    expect(r.code, r.err).toBe(1);
    const out = JSON.parse(r.out) as { variant: string; violations: Counterexample[] };
    expect(out.violations[0].events.length).toBe(7);
    expect(ownViolation(e, out.violations)).toBeDefined();
  }, 60_000);

  it('check --first finds v6.16 itself broken (its two ptrace_setsve release bugs) at 5 events', async () => {
    const r = await check('v6.16', SVE_GALLERY_MACHINE, SVE_GALLERY_DEPTH);
    expect(r.code, r.err).toBe(1);
    const out = JSON.parse(r.out) as { violations: Counterexample[] };
    expect(out.violations[0].events.length).toBe(5);
    expect(out.violations[0].events.at(-1)?.op).toBe('ptrace_setsve');
  }, 60_000);

  it('check refuses a release fix the model cannot apply', async () => {
    const r = await check('v6.13+fbc7e61195e2', SVE_GALLERY_MACHINE, 2);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'v6.13 can be run with these of its release bugs fixed: 49ce484187f7, 398edaa12f9c',
    );
  });

  it('searches each release bug as its era, the entry naming the fixing commit', () => {
    const own = ERAS.flatMap((e) => (e.releaseBugs ?? []).map((b) => [e.id, b.commit] as const));
    const entries = galleryEntries().filter((e) => e.releaseBug);
    expect(entries.map((e) => [e.variant.id, e.fix.commit])).toEqual(own);
    for (const e of entries) expect(e.variant.ablation).toBeNull();
  });

  it('refuses an SVE vcpu under an era without guest SVE, naming the task and the era', async () => {
    const sc = { ...SVE_GALLERY_MACHINE, variant: 'v4.18' };
    for (const cmd of ['run', 'check']) {
      const r = await runCli([cmd, 'm.json'], { 'm.json': sc });
      expect(r.code, cmd).toBe(2);
      expect(r.err).toMatch(
        /tasks\[0\] \("qemu"\): an SVE vcpu \("vcpuSve": true\) needs KVM's guest SVE \(since v5\.2\), which v4\.18/,
      );
    }
    expect(sveProblem(SVE_GALLERY_MACHINE, variant('v4.17'))).toMatch(/v4\.17/);
    const withGuestSve = { ...variant('v6.16'), era: { ...variant('v6.16').era, guestSve: true } };
    expect(sveProblem(SVE_GALLERY_MACHINE, withGuestSve)).toBeNull();
    expect(sveProblem({ ...SVE_GALLERY_MACHINE, sve: false }, variant('v4.18'))).toBeNull();
    // The SVE gallery machine as each era runs it is one it accepts.
    for (const e of ERAS) expect(sveProblem(sveGalleryMachine(variant(e.id)), variant(e.id))).toBeNull();
  });

  it('run prints the SVE state and --json adds it, on SVE machines only', async () => {
    const text = await runCli(['run', 's.json', '--variant', 'v6.16'], { 's.json': SVE_SCENARIO });
    expect(text.out).toContain('SVE state after the last event:');
    expect(text.out).toMatch(/CPU0: VL=max EL0-SVE=(yes|no) regs H=/);
    expect(text.out).toMatch(
      /app: TIF_SVE=(yes|no) fp_type=FP_STATE_(FPSIMD|SVE) VL=max in-syscall=no SVE-trap-pending=(yes|no) V: /,
    );
    expect(text.out).toMatch(/vcpu0: vcpu without SVE V: memory (newest|stale)/);
    const v418 = await runCli(['run', 's.json', '--variant', 'v4.18'], { 's.json': SVE_SCENARIO });
    expect(v418.out).not.toContain('fp_type'); // v4.18 has no fp_type (since v6.2)
    const json = JSON.parse((await runCli(['run', 's.json', '--json'], { 's.json': SVE_SCENARIO })).out);
    expect(json.final.cpus[0]).toMatchObject({ sveVl: 'max', el0Sve: expect.any(Boolean) });
    expect(json.final.contexts[0]).toMatchObject({
      TIF_SVE: expect.any(Boolean),
      sveTrapPending: expect.any(Boolean),
      v: { memLatest: expect.any(Boolean), sveStateLatest: expect.any(Boolean) },
      h: { dead: expect.any(Boolean), sveStateLatest: expect.any(Boolean) },
    });
    const plain = await runCli(['run', 's.json', '--json'], { 's.json': REFERENCE_SCENARIO });
    expect(plain.out).not.toMatch(/sveVl|el0Sve|TIF_SVE|"v":|"h":/);
    const plainText = await runCli(['run', 's.json'], { 's.json': REFERENCE_SCENARIO });
    expect(plainText.out).not.toContain('SVE');
  });

  it("variants --json lists each era's own bugs", async () => {
    const out = JSON.parse((await runCli(['variants', '--json'])).out) as {
      variants: { id: string; releaseBugs?: { commit: string }[] }[];
    };
    for (const e of ERAS) {
      const row = out.variants.find((v) => v.id === e.id);
      expect(row?.releaseBugs?.map((b) => b.commit)).toEqual(
        e.releaseBugs?.length ? e.releaseBugs.map((b) => b.commit) : undefined,
      );
    }
  });

  it('the SVE gallery machine differs from its explore result only by SVE (sanity: it searches)', () => {
    const r = explore(SVE_GALLERY_MACHINE, variant('v6.16'), { depth: 3 });
    expect(r.states).toBeGreaterThan(1);
  });
});
