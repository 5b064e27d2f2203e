// `fpsimd-viz check`: exit codes, the fpsimd-check/1 JSON, counterexamples that `run` reproduces,
// progress on standard error, Ctrl-C, and bad input named by place.
import { describe, expect, it } from 'vitest';
import { CHECK_HELP, checkCommand, DEFAULT_DEPTH, type ProgressTiming } from '../../src/cli/check';
import { fakeIO, runCli, type FakeIOOptions } from './helpers';
import { DEFAULT_MAX_SIGNAL_FRAMES, EXPLORER_OPS, explore } from '../../src/engine/explore';
import { GALLERY_MACHINE, galleryOptions, galleryVariants } from '../../src/engine';

const scenario = (extra: Record<string, unknown> = {}) => ({
  format: 'fpsimd-scenario/1',
  title: 'Reference configuration',
  cpus: 2,
  tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'editor' }, { id: 'kworker', kthread: true }],
  start: { '0': 'qemu', '1': 'editor' },
  events: [],
  ...extra,
});

/** A larger machine: its search takes long enough for progress reports and interrupts. */
const larger = scenario({
  cpus: 2,
  tasks: [
    { id: 'qemu', vcpu: 'vcpu0' },
    { id: 'qemu2', vcpu: 'vcpu1' },
    { id: 'editor' },
    { id: 'kworker', kthread: true },
  ],
});

type CheckOut = {
  states: number;
  complete: boolean;
  stopped: string | null;
  exploredDepth: number;
  violations: { kind: string; context: string; events: unknown[] }[];
};

interface Run {
  code: number;
  out: string;
  err: string;
}

async function check(
  args: string[],
  files: Record<string, unknown>,
  opts: FakeIOOptions & { timing?: ProgressTiming } = {},
): Promise<Run> {
  const { io, captured } = fakeIO(files, opts);
  // The figures below were measured on the first eleven ops; a test that wants every op says --ops all.
  const ops = args.some((a) => a.startsWith('--ops')) ? [] : ['--ops', 'classic'];
  // One worker (in this thread) unless a test asks for more: threads from the TypeScript sources start slowly.
  const workers = args.some((a) => a.startsWith('--workers')) ? [] : ['--workers', '1'];
  const code = await checkCommand([...ops, ...workers, ...args], io, opts.timing);
  return { code, ...captured };
}

describe('fpsimd-viz check', () => {
  it('exits 0 when the variant has no violation, and says how far it looked', async () => {
    // Progress held back for a minute: a loaded machine may take more than a second here.
    const quiet: ProgressTiming = { quietFirstMs: 60_000, ttyEveryMs: 250, logEveryMs: 5000 };
    const r = await check(['s.json'], { 's.json': scenario() }, { timing: quiet });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/s\.json: variant v4\.18, depth 12, complete; [\d,]+ states, [\d,]+ transitions/);
    expect(r.out).toMatch(/no violation within 12 events/);
    expect(r.out).toMatch(/ops explored: schedule, .*vcpu_put; at most 1 pending signal frame per task/);
  });

  it(
    'uses the reductions named by --reduce (default dead,cpus up to 4 CPUs; none: the plain search), with the same answer',
    { timeout: 30_000 },
    async () => {
      const args = [
        's.json',
        '--variant',
        'v4.18/no-put-flush',
        '--depth',
        '8',
        '--ops',
        'classic',
        '--json',
      ];
      const plain = await check([...args, '--reduce', 'none'], { 's.json': scenario() });
      const reduced = await check([...args, '--reduce', 'dead,cpus,sleep'], { 's.json': scenario() });
      const byDefault = await check(args, { 's.json': scenario() });
      expect(reduced.code).toBe(plain.code);
      expect(byDefault.code).toBe(plain.code);
      type Out = { states: number; violations: { kind: string; context: string; events: unknown[] }[] };
      const found = (o: Out) => o.violations.map((v) => `${v.kind} ${v.context} ${v.events.length}`).sort();
      const a = JSON.parse(plain.out) as Out;
      const b = JSON.parse(reduced.out) as Out;
      const c = JSON.parse(byDefault.out) as Out;
      expect(b.states).toBeLessThan(a.states);
      // The default (dead variables, CPU renaming) stores what dead,cpus,sleep stores: sleep sets cut
      // transitions only.
      expect(c.states).toBe(b.states);
      expect(found(a).length).toBeGreaterThan(0);
      expect(found(b)).toEqual(found(a));
      expect(found(c)).toEqual(found(a));
      const text = await check(['s.json', '--depth', '3', '--reduce', 'dead'], { 's.json': scenario() });
      expect(text.out).toMatch(/reductions: dead variables \(--reduce/);
      const dflt = await check(['s.json', '--depth', '3'], { 's.json': scenario() });
      expect(dflt.out).toMatch(/reductions: dead variables, every renaming of CPUs \(--reduce/);
      // Past 4 CPUs, CPU renaming costs more than it saves: dead variables only.
      const big = await check(['s.json', '--depth', '1'], { 's.json': scenario({ cpus: 5 }) });
      expect(big.out).toMatch(/reductions: dead variables \(--reduce/);
      const none = await check(['s.json', '--depth', '3', '--reduce', 'none'], { 's.json': scenario() });
      expect(none.out).toMatch(/reductions: none \(--reduce/);
      const bad = await check(['s.json', '--reduce', 'dead,fast'], { 's.json': scenario() });
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(
        /--reduce: unknown reduction "fast" \(expected none or dead, cpus, classes, sleep\)/,
      );
    },
  );

  it('searches on several threads with --workers, with the same answer', { timeout: 120_000 }, async () => {
    const args = ['s.json', '--variant', 'v4.18/no-put-flush', '--depth', '8', '--json', '--reduce', 'none'];
    const one = await check([...args, '--workers', '1'], { 's.json': scenario() });
    const two = await check([...args, '--workers', '2'], { 's.json': scenario() });
    expect(two.code).toBe(1);
    type Out = {
      states: number;
      transitions: number;
      violations: { kind: string; context: string; events: unknown[] }[];
    };
    const answer = (o: Out) => ({
      states: o.states,
      transitions: o.transitions,
      found: o.violations.map((v) => `${v.kind} ${v.context} ${v.events.length}`).sort(),
    });
    expect(answer(JSON.parse(two.out) as Out)).toEqual(answer(JSON.parse(one.out) as Out));
    // --first on two threads: the same stop, depth and answer.
    const firstArgs = ['s.json', '--variant', 'v4.18/no-put-flush', '--depth', '12', '--json', '--first'];
    const firstOne = await check([...firstArgs, '--workers', '1'], { 's.json': scenario() });
    const firstTwo = await check([...firstArgs, '--workers', '2'], { 's.json': scenario() });
    const stop = (o: string) => {
      const r = JSON.parse(o) as Out & { stopped: string; exploredDepth: number };
      return { ...answer(r), stopped: r.stopped, exploredDepth: r.exploredDepth };
    };
    expect(stop(firstTwo.out)).toEqual(stop(firstOne.out));
    expect(stop(firstTwo.out).stopped).toBe('first-violation');
    const bad = await check(['s.json', '--workers', '0'], { 's.json': scenario() });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--workers: "0" is not a whole number from 1 to 256/);
  });

  it('explores every op by default, and states the signal frame bound', async () => {
    const r = await check(['s.json', '--depth', '3', '--ops=all'], { 's.json': scenario() });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ops explored: schedule, .*cpu_suspend; at most 1 pending signal frame per task/);
    const bad = await check(['s.json', '--ops', 'some'], { 's.json': scenario() });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--ops: expected all or classic/);
  });

  it('exits 1 with each violation, its message and a shortest sequence', async () => {
    const r = await check(['s.json', '--variant', 'v4.18/no-put-save'], { 's.json': scenario() });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/2 violations/);
    expect(r.out).toMatch(/lost-update vcpu0 after 7 events: .*overwritten/);
    expect(r.out).toMatch(/cpu0 ret_to_user, .*cpu0 vcpu_load/);
    expect(r.out).toMatch(/"events": \[\{"cpu":0,"op":"ret_to_user"\}/);
  });

  it('prints one fpsimd-check/1 object with --json', async () => {
    const r = await check(
      ['s.json', '--json', '--depth', '10', '--ops', 'all', '--variant=v4.18/no-load-fp-host'],
      {
        's.json': scenario(),
      },
    );
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(Object.keys(res)).toEqual([
      'format',
      'variant',
      'depth',
      'states',
      'transitions',
      'seconds',
      'complete',
      'stopped',
      'exploredDepth',
      'ops',
      'maxSignalFrames',
      'violations',
      'memory',
    ]);
    // The process's resident memory as measured, its peak, and the bound the search stated.
    expect(Object.keys(res.memory)).toEqual([
      'source',
      'bytes',
      'peakBytes',
      'startBytes',
      'countedBytes',
      'boundBytes',
    ]);
    expect(res.memory.source).toBe('resident');
    expect(res.memory.peakBytes).toBeLessThan(res.memory.boundBytes);
    // The ops the search tried (every op of the engine) and its bound on pending signal frames.
    expect(res.ops).toEqual(EXPLORER_OPS);
    expect(res.ops).toContain('signal');
    expect(res.maxSignalFrames).toBe(DEFAULT_MAX_SIGNAL_FRAMES);
    expect(res).toMatchObject({
      format: 'fpsimd-check/1',
      variant: 'v4.18/no-load-fp-host',
      depth: 10,
      complete: true,
    });
    expect(res.states).toBeGreaterThan(1000);
    expect(res.transitions).toBeGreaterThan(res.states);
    expect(typeof res.seconds).toBe('number');
    expect(res.violations[0]).toEqual({ kind: 'lost-update', context: 'qemu', events: expect.any(Array) });
    for (const v of res.violations) {
      expect(Object.keys(v)).toEqual(['kind', 'context', 'events']);
      expect(v.events.length).toBeLessThanOrEqual(10);
    }
  });

  it('gives counterexamples that `run` reproduces at their last event', async () => {
    const variant = 'v4.18/no-ctxsync-bind';
    const r = await check(['s.json', '--json'], { 's.json': scenario({ variant }) });
    const res = JSON.parse(r.out);
    expect(res.variant).toBe(variant);
    expect(res.violations.length).toBeGreaterThan(1);
    for (const v of res.violations) {
      const run = await runCli(['run', 'c.json', '--json'], {
        'c.json': JSON.stringify(scenario({ variant, events: v.events })),
      });
      expect(run.code).toBe(1);
      const found = JSON.parse(run.out).violations;
      expect(found).toContainEqual(
        expect.objectContaining({ step: v.events.length - 1, kind: v.kind, context: v.context }),
      );
    }
  });

  it('says when every reachable state was explored', async () => {
    const r = await check(['s.json', '--depth', '60'], { 's.json': scenario() });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/every reachable state was explored \(the deepest \d+ events from the start\)/);
    expect(r.out).toMatch(/no violation at any length/);
  });

  it('stops at --max-states, exactly, says so, and reports the search as incomplete', async () => {
    // The plain search's state count (the default reductions leave fewer than 1,000 states to depth 12).
    const r = await check(['s.json', '--max-states', '1_000', '--reduce', 'none'], { 's.json': scenario() });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^stopped at 1,000 states \(--max-states\): every sequence of at most \d+ events/);
    expect(r.out).toMatch(
      /incomplete \(state limit reached\): every sequence of at most \d+ events was explored; 1,000 states/,
    );
    const json = await check(['s.json', '--max-states=1000', '--json', '--reduce=none'], {
      's.json': scenario(),
    });
    const parsed = JSON.parse(json.out) as { states: number; complete: boolean };
    expect(parsed.complete).toBe(false);
    expect(parsed.states).toBe(1000);
  });

  it('exits 2 when the state limit leaves no sequence explored', async () => {
    for (const limit of ['1', '5']) {
      const r = await check(['s.json', '--max-states', limit], { 's.json': scenario() });
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(
        `fpsimd-viz check: stopped at --max-states ${limit} before any event sequence was explored: nothing to report\n`,
      );
    }
  });

  it('exits 130 when interrupted, even before any sequence was explored, and prints what it has', async () => {
    const r = await check(['s.json', '--depth', '14', '--json'], { 's.json': larger }, { interrupt: true });
    expect(r.code).toBe(130);
    expect(r.err).toBe('interrupted: every sequence of at most 0 events was explored\n');
    expect(JSON.parse(r.out)).toMatchObject({ complete: false, stopped: 'interrupted', exploredDepth: 0 });
  });

  it('shows the depth estimate and memory in its progress lines', async () => {
    const fast: ProgressTiming = { quietFirstMs: 0, ttyEveryMs: 0, logEveryMs: 0 };
    const r = await check(['s.json', '--depth', '11'], { 's.json': larger }, { timing: fast });
    expect(r.err).toMatch(
      /\([\d,]+ of ~[\d,]+ expected at this depth(, depth done in ~\d+ s)?\), memory \d+ MB (resident|counted) of [\d.]+ (MB|GB)/,
    );
  });

  it('is wired as the check subcommand', async () => {
    const r = await runCli(['check', 's.json', '--depth', '4', '--workers', '1'], {
      's.json': JSON.stringify(scenario()),
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/depth 4, complete/);
  });

  it('documents its default depth', async () => {
    const r = await check(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toBe(CHECK_HELP + '\n');
    expect(CHECK_HELP).toContain(`default ${DEFAULT_DEPTH}`);
  });

  it('shows progress on standard error: lines in a log, one rewritten line on a terminal', async () => {
    const fast: ProgressTiming = { quietFirstMs: 0, ttyEveryMs: 0, logEveryMs: 0 };
    const log = await check(['s.json', '--depth', '11'], { 's.json': larger }, { timing: fast });
    expect(log.code).toBe(0);
    const lines = log.err.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines)
      expect(l).toMatch(/^depth \d+\/11: [\d,]+ states, [\d,]+ transitions, [\d,]+ states\/s/);
    const tty = await check(['s.json', '--depth', '11'], { 's.json': larger }, { timing: fast, isTTY: true });
    expect(tty.err).not.toContain('\n');
    expect(tty.err.startsWith('\r\x1b[Kdepth ')).toBe(true);
    expect(tty.err.endsWith('\r\x1b[K')).toBe(true);
  }, 30_000); // two depth-11 searches: past vitest's 5 s at load 20 on 2 cores

  it('stays quiet on standard error for runs shorter than a second', async () => {
    const r = await check(['s.json', '--depth', '6'], { 's.json': scenario() });
    expect(r.err).toBe('');
  });

  it('stops cleanly on Ctrl-C and still prints what it found', async () => {
    const r = await check(
      ['s.json', '--json', '--variant', 'v4.18/no-neon-save', '--depth', '14'],
      { 's.json': larger },
      { interruptAfterMs: 300 },
    );
    expect(r.err).toMatch(/^interrupted: every sequence of at most \d+ events was explored\n$/);
    const res = JSON.parse(r.out);
    expect(res.complete).toBe(false);
    expect(res.stopped).toBe('interrupted');
    expect(res.violations.length).toBeGreaterThan(0);
    // Its own status, whatever was found: not 1 (violations) nor 0 (none).
    expect(r.code).toBe(130);
    const text = await check(['s.json', '--depth', '14'], { 's.json': larger }, { interruptAfterMs: 300 });
    expect(text.out).toMatch(/incomplete \(interrupted\)/);
    expect(text.code).toBe(130);
  });

  it('--first stops at the first violating depth and reports every violation of that length', async () => {
    const args = ['s.json', '--variant', 'v4.18/no-ctxsync-bind', '--depth', '11', '--json'];
    const full = JSON.parse((await check(args, { 's.json': scenario() })).out) as CheckOut;
    const r = await check([...args, '--first'], { 's.json': scenario() });
    expect(r.code).toBe(1);
    const first = JSON.parse(r.out) as CheckOut;
    const shortest = Math.min(...full.violations.map((v) => v.events.length));
    expect(first.violations).toEqual(full.violations.filter((v) => v.events.length === shortest));
    expect(first).toMatchObject({ complete: false, stopped: 'first-violation', exploredDepth: shortest });
    expect(first.states).toBeLessThan(full.states);
    const text = await check(['s.json', '--variant', 'v4.18/no-ctxsync-bind', '--first'], {
      's.json': scenario(),
    });
    expect(text.out).toMatch(
      /depth 12, stopped at the first depth with a violation \(--first\): every sequence of at most 6 events was explored/,
    );
  });

  it('--first with no violation proves the bound clean (exit 0)', async () => {
    const r = await check(['s.json', '--first', '--depth', '8', '--json'], { 's.json': scenario() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      complete: true,
      stopped: null,
      exploredDepth: 8,
      violations: [],
    });
  });

  it('--first finds every gallery bug on the gallery machine at its gallery length', async () => {
    for (const v of galleryVariants()) {
      const gallery = explore(GALLERY_MACHINE, v, galleryOptions(true));
      const r = await check(
        ['m.json', '--variant', v.id, '--first', '--depth', '16', '--ops', 'all', '--json'],
        {
          'm.json': GALLERY_MACHINE,
        },
      );
      expect(r.code, v.id).toBe(1);
      const out = JSON.parse(r.out) as CheckOut;
      expect(out.exploredDepth, v.id).toBe(gallery.violations[0].events.length);
    }
  }, 120_000);

  it('--time-limit stops cleanly, marked incomplete with its reason', async () => {
    const args = ['s.json', '--depth', '40', '--ops', 'all', '--variant', 'v4.18/no-neon-save'];
    const r = await check([...args, '--time-limit', '0.05', '--json'], { 's.json': larger });
    expect(r.err).toMatch(
      /^stopped at the time limit \(--time-limit 0\.05 s\): every sequence of at most \d+ events/,
    );
    const out = JSON.parse(r.out) as CheckOut;
    expect(out).toMatchObject({ complete: false, stopped: 'time-limit' });
    expect(r.code).toBe(out.violations.length > 0 ? 1 : 0);
    const text = await check([...args, '--time-limit=0.05'], { 's.json': larger });
    expect(text.out).toMatch(/incomplete \(time limit of 0\.05 s reached\): every sequence of at most/);
    for (const bad of ['0', '-1', 'soon', '1e3', '2000000']) {
      const b = await check(['s.json', '--time-limit', bad], { 's.json': scenario() });
      expect(b.code, bad).toBe(2);
      expect(b.err).toMatch(/--time-limit: ".*" is not a number of seconds above 0 and at most 1,000,000/);
    }
  });

  describe('bad input exits 2 with a message naming the place', () => {
    const cases: [string, string[], Record<string, unknown>, RegExp][] = [
      ['no FILE', [], {}, /missing FILE/],
      ['two FILEs', ['a.json', 'b.json'], {}, /expected one FILE, got 2/],
      ['a missing file', ['nope.json'], {}, /nope\.json: cannot read \(ENOENT\)/],
      [
        'truncated JSON',
        ['s.json'],
        { 's.json': '{"format": "fpsimd-scenario/1", "cpus": ' },
        /s\.json: .*(end of file|line \d+)/,
      ],
      ['a schema error', ['s.json'], { 's.json': scenario({ cpus: 9 }) }, /s\.json: cpus: must be 1 to 8/],
      [
        'a bad task id',
        ['s.json'],
        { 's.json': scenario({ tasks: [{ id: 'Qemu' }] }) },
        /s\.json: tasks\[0\]\.id: /,
      ],
      [
        'an unknown variant in the file',
        ['s.json'],
        { 's.json': scenario({ variant: 'v9' }) },
        /s\.json: variant: unknown variant "v9"/,
      ],
      [
        'an unknown --variant',
        ['s.json', '--variant', 'v9'],
        { 's.json': scenario() },
        /--variant: unknown variant "v9"/,
      ],
      [
        'a bad depth',
        ['s.json', '--depth', 'ten'],
        { 's.json': scenario() },
        /--depth: "ten" is not a whole number from 1 to 1,000/,
      ],
      ['a zero depth', ['s.json', '--depth', '0'], { 's.json': scenario() }, /--depth: "0"/],
      [
        'a bad state limit',
        ['s.json', '--max-states', '0'],
        { 's.json': scenario() },
        /--max-states: "0" is not a whole number from 1 to [\d,]+/,
      ],
      [
        'a missing depth value',
        ['s.json', '--depth'],
        { 's.json': scenario() },
        /option --depth needs a value/,
      ],
      ['an unknown option', ['s.json', '--fast'], { 's.json': scenario() }, /unknown option --fast/],
      [
        'a repeated --depth (the last one used to win silently)',
        ['s.json', '--depth', '3', '--depth', '9'],
        { 's.json': scenario() },
        /option --depth given twice \(--depth 3, then --depth 9\): give it once/,
      ],
    ];
    it.each(cases)('%s', async (_name, args, files, message) => {
      const r = await check(args, files);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^fpsimd-viz check: /);
      expect(r.err).toMatch(message);
    });
  });
});
