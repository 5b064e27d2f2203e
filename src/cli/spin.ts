// `fpsimd-viz spin FILE [--cores N | --swarm RUNS] ...`: the scenario's machine checked by Spin beyond
// one process, for machines too big for `check`: the model exported for Spin's multi-core verifier,
// compiled and run on every core (-DNCORE), or as a swarm of bitstate runs with diversified seeds and
// hash functions; a violation's trail comes back as a scenario opened at the violating step.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseScenario, printScenario, type Scenario } from '../engine';
import { buildConfig } from '../engine/config';
import { machineOps } from '../engine/explore/alphabet';
import { promelaOwners } from '../engine/promela';
import { exportModel } from './export';
import { DEFAULT_DEPTH, MAX_DEPTH } from './check';
import { readSpinReplay, scenarioLink, spinReplay, trailScenario } from './importTrail';
import { EXIT, EXIT_HELP, inputName, readScenarioFile, UsageError, type CliIO } from './io';
import { COMMON_HELP, commandOptions, countOption, oneFile, opsOption, variantOption } from './options';
import { SPIN_OPTIONS } from './optionTables';
import { multicoreFlags, panComplete, panFindings, panNumber, type PanFinding } from './panReport';
import { esc, jsonText } from './text';

export const SPIN_HELP = `usage: fpsimd-viz spin FILE [--variant ID] [--depth N] [--ops all|classic] [--cores N]
                       [--swarm RUNS] [--memory MB] [--cflags FLAGS] [--dir DIR] [--link URL] [--json]

Checks the machine of the scenario FILE with the Spin model checker (Debian's spin and a C
compiler), for machines too big for 'fpsimd-viz check': writes the model ('export --promela
--multicore') to DIR/model.pml, compiles Spin's verifier and runs it.
  default        exhaustive, on N cores at once (cc -DNCORE=N; one core: the plain verifier); it
                 stops at the first violation
  --swarm RUNS   RUNS bitstate runs, N at a time, each with its own seed, search order and hash
                 function (pan -RS<seed> -h<seed mod 500>): fast and small, each violation real, but a run
                 can miss states, so "none found" is not a proof
A violation's trail is replayed as 'import-trail' does (the multi-core verifier's trail is rebuilt
by a one-process run of the same model, which stops at its first violation) and written to
DIR/found.json, a scenario whose last event violates; --link prints an app link opened there.

  --variant ID   kernel era, ablation or historic variant (default: the scenario's own)
  --depth N      longest event sequence, 1 to ${MAX_DEPTH} (default ${DEFAULT_DEPTH}, as check's)
  --ops SET      all (default) or classic, as check's
  --cores N      processes at once (default: this machine's cores, ${availableParallelism()})
  --swarm RUNS   a swarm of RUNS bitstate runs instead of the exhaustive search
  --memory MB    memory for pan in all (default 1024): the multi-core verifier's shared memory
                 and hash table, or each swarm run's bit array (MB / N)
  --cflags FLAGS more C compiler flags for pan, e.g. "-O0" to compile a small model faster
  --dir DIR      where the model, the verifier, trails and found.json go (default: a new
                 directory under the system's temporary directory); kept, and named in the output
  --link URL     also print a link to the app at URL, opened at the violating step
  --json         print one fpsimd-spin/1 object
${COMMON_HELP}

Exit status: 0 no violation found (exhaustive: none within N events), 1 a violation found,
2 bad input or usage, or Spin or a C compiler missing or failing,
${EXIT_HELP}
See docs/explorer.md, "Bigger than one machine: Spin multi-core and swarm".`;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end (any exit status), its output collected; a missing program is a UsageError. */
function runProgram(cmd: string, args: readonly string[], cwd: string, pkg: string): Promise<Ran> {
  return new Promise((done, fail) => {
    const p = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'ENOENT'
          ? new UsageError(`${cmd} is not installed (Debian: apt-get install -y ${pkg})`)
          : e,
      ),
    );
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Runs a step of the build; its failure is a UsageError naming it. */
async function step(cmd: string, args: string[], dir: string, pkg: string): Promise<void> {
  const r = await runProgram(cmd, args, dir, pkg);
  if (r.code !== 0)
    throw new UsageError(`${cmd} ${args.join(' ')} failed in ${esc(dir)}: ${esc(r.stderr || r.stdout)}`);
}

/** cc of the pan.c that `spin -a` wrote in dir, with `flags` (after -O2 and cflags), into `name`. */
async function buildPan(
  dir: string,
  name: string,
  flags: readonly string[],
  cflags: string[],
): Promise<void> {
  await step('cc', ['-O2', ...cflags, '-DSAFETY', ...flags, '-o', name, 'pan.c'], dir, 'gcc');
}

/** Runs `jobs` with at most `width` at once. */
async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return out;
}

interface Verdict {
  findings: PanFinding[];
  /** Exhaustive only: pan's stored states, and whether it explored the whole bounded space. */
  states: number | null;
  complete: boolean;
  /** The directory whose model.pml.trail holds a whole trail of the first finding, if any. */
  trailDir: string | null;
}

/** -w for a hash table (8 bytes a slot) filling a quarter of `mb`, or a bit array of `mb`. */
const log2Slots = (mb: number, bitstate: boolean): number =>
  Math.max(16, Math.min(bitstate ? 34 : 30, Math.floor(Math.log2(mb * 2 ** 20 * (bitstate ? 8 : 1 / 32)))));

/** Where and how pan runs: its directory, cores, memory in MB, the model's owners, extra C flags. */
interface PanSetup {
  dir: string;
  cores: number;
  mb: number;
  owners: readonly string[];
  cflags: string[];
}

async function multicore(p: PanSetup): Promise<Verdict> {
  const { dir, cores, mb } = p;
  const panH = readFileSync(join(dir, 'pan.h'), 'utf8');
  await buildPan(dir, 'pan', cores > 1 ? multicoreFlags(panH, cores, mb) : [], p.cflags);
  // Work below depth 3 handed to the other cores (pan's default, 20, would keep it all on one).
  const r = await runProgram(
    './pan',
    [`-w${log2Slots(mb, false)}`, ...(cores > 1 ? ['-z3'] : [])],
    dir,
    'spin',
  );
  const findings = panFindings(r.stdout, p.owners);
  if (findings.length === 0 && (r.code !== 0 || !/errors: 0/.test(r.stdout)))
    throw new UsageError(
      `pan ended without a verdict (exit ${r.code}): ${esc((r.stdout + r.stderr).slice(-2000))}`,
    );
  if (findings.length > 0 && cores > 1) {
    // A core other than the first writes only its part of the trail: one process rebuilds it whole.
    await buildPan(dir, 'pan1', [], p.cflags);
    await runProgram('./pan1', [`-w${log2Slots(mb, false)}`, '-c1'], dir, 'spin');
  }
  const states = panNumber(r.stdout, /(\d+) states, stored/);
  return {
    findings,
    states: Number.isNaN(states) ? null : states,
    complete: findings.length === 0 && panComplete(r.stdout),
    trailDir: findings.length > 0 ? dir : null,
  };
}

async function swarm(p: PanSetup, runs: number): Promise<Verdict> {
  await buildPan(p.dir, 'pan-swarm', ['-DBITSTATE', '-DT_RAND', '-DP_RAND'], p.cflags);
  const w = log2Slots(p.mb / p.cores, true);
  const jobs = Array.from({ length: runs }, (_, i) => async () => {
    const seed = i + 1;
    const cwd = join(p.dir, `swarm-${seed}`);
    mkdirSync(cwd, { recursive: true });
    rmSync(join(cwd, 'model.pml.trail'), { force: true });
    const args = ['-k3', `-w${w}`, `-RS${seed}`, `-h${seed % 500}`, '-c1'];
    const r = await runProgram(join(p.dir, 'pan-swarm'), args, cwd, 'spin');
    return { cwd, findings: panFindings(r.stdout, p.owners) };
  });
  const done = await pool(jobs, p.cores);
  const seen = new Map<string, PanFinding>();
  for (const d of done) for (const f of d.findings) seen.set(`${f.kind} ${f.context ?? '-'}`, f);
  return {
    findings: [...seen.values()],
    states: null,
    complete: false,
    trailDir: done.find((d) => d.findings.length)?.cwd ?? null,
  };
}

/** The `spin` subcommand: 0 none found, 1 a violation, 2 bad input, usage, or Spin failing. */
export async function spinCommand(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = commandOptions(args, SPIN_OPTIONS, io);
  if (values.help) {
    io.stdout(SPIN_HELP + '\n');
    return EXIT.ok;
  }
  const file = oneFile(positional, SPIN_HELP);
  const depth = countOption('depth', values.depth, MAX_DEPTH, DEFAULT_DEPTH);
  const cores = countOption('cores', values.cores, 1024, availableParallelism());
  const runs = countOption('swarm', values.swarm, 100_000);
  const mb = countOption('memory', values.memory, 1 << 20, 1024);
  const ops = opsOption(values.ops);
  const name = inputName(file);
  const sc = await readScenarioFile(io, file, parseScenario);
  const variant = variantOption(values.variant, sc, name);
  const model = exportModel(sc, variant, { depth, ops, name, multicore: true });
  const cfg = buildConfig(sc);
  const dir = resolve(values.dir ?? mkdtempSync(join(tmpdir(), 'fpsimd-spin-')));
  mkdirSync(dir, { recursive: true });
  const modelPath = join(dir, 'model.pml');
  writeFileSync(modelPath, model);
  rmSync(`${modelPath}.trail`, { force: true });
  await step('spin', ['-a', 'model.pml'], dir, 'spin');
  const cflags = values.cflags === undefined ? [] : values.cflags.split(/\s+/).filter(Boolean);
  const setup: PanSetup = { dir, cores, mb, owners: promelaOwners(cfg), cflags };
  const v = runs === undefined ? await multicore(setup) : await swarm(setup, runs);
  let found: Scenario | null = null;
  if (v.trailDir !== null) {
    const output = await spinReplay(modelPath, join(v.trailDir, 'model.pml.trail'));
    found = trailScenario(model, readSpinReplay(model, output, modelPath), modelPath);
    writeFileSync(join(dir, 'found.json'), printScenario(found));
  }
  const link = found && typeof values.link === 'string' ? scenarioLink(found, values.link) : null;
  const how =
    runs === undefined
      ? `exhaustive, ${cores} core${cores > 1 ? 's' : ''}`
      : `swarm of ${runs} bitstate runs, ${cores} at a time`;
  if (values.json)
    io.stdout(
      jsonText({
        format: 'fpsimd-spin/1',
        variant: variant.id,
        depth,
        ops: machineOps(cfg, ops),
        mode: runs === undefined ? 'multicore' : 'swarm',
        cores,
        runs: runs ?? null,
        dir,
        states: v.states,
        complete: v.complete,
        violations: v.findings,
        scenario: found ? join(dir, 'found.json') : null,
        ...(link ? { link } : {}),
      }) + '\n',
    );
  else {
    const lines = [
      `${esc(name)}: variant ${variant.id}, depth ${depth}, Spin ${how}; model ${esc(modelPath)}`,
    ];
    if (v.findings.length === 0)
      lines.push(
        runs !== undefined
          ? 'no violation found (a swarm can miss states: not a proof)'
          : `no violation within ${depth} events${v.states === null ? '' : ` (${v.states.toLocaleString('en')} states)`}`,
      );
    for (const f of v.findings) lines.push(`violation: ${f.kind} of ${esc(f.context ?? '-')}`);
    if (found)
      lines.push(
        `counterexample: ${esc(join(dir, 'found.json'))} (${found.events.length} events, the last one violating)`,
      );
    if (link) lines.push(link);
    io.stdout(lines.join('\n') + '\n');
  }
  return v.findings.length > 0 ? EXIT.violations : EXIT.ok;
}
