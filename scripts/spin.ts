// Runs Debian's Spin on a Promela model written by `fpsimd-viz export --promela`: `spin -a`, a C
// compile of the verifier (pan), and an exhaustive run of pan that reports every violation kind.
// Shared by the agreement test (tests/engine/promela/spin.test.ts) and the bench (bench/groups/spin.ts).
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { panComplete, panFindings, panNumber } from '../src/cli/panReport.ts';
import { VIOLATION_KINDS, type ViolationKind } from '../src/engine/types.ts';

const run = promisify(execFile);

export const SPIN_MISSING = "install Debian's spin: apt-get install -y spin";
export const CC_MISSING = 'install a C compiler for Spin: apt-get install -y gcc';

/** The first executable called name on PATH (or /usr/bin), or null. */
export function which(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Throws with the install command when Spin or a C compiler is missing (spin -a runs the C
 * preprocessor, and pan is C). `find` is for tests.
 */
export function requireSpin(find: (name: string) => string | null = which): { spin: string; cc: string } {
  const spin = find('spin');
  if (!spin) throw new Error(SPIN_MISSING);
  const cc = find('cc') ?? find('gcc');
  if (!cc) throw new Error(CC_MISSING);
  return { spin, cc };
}

export interface Pan {
  /** The compiled verifier. */
  path: string;
  /** Removes its directory. */
  dispose(): void;
}

/** spin -a, then cc (with `ccFlags`, -O1 by default): a verifier for safety properties only. */
export async function compilePan(model: string, ccFlags: readonly string[] = ['-O1']): Promise<Pan> {
  const { spin, cc } = requireSpin();
  const dir = mkdtempSync(join(tmpdir(), 'fpsimd-spin-'));
  try {
    writeFileSync(join(dir, 'model.pml'), model);
    await run(spin, ['-a', 'model.pml'], { cwd: dir });
    await run(cc, [...ccFlags, '-DSAFETY', '-o', 'pan', 'pan.c'], { cwd: dir });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Spin could not build the model: ${err.stdout ?? ''}${err.stderr ?? err.message}`, {
      cause: e,
    });
  }
  return { path: join(dir, 'pan'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PanResult {
  /** The violation kinds some assertion reported, in VIOLATION_KINDS order. */
  kinds: ViolationKind[];
  /** "kind owner" for each violation reported (context id, TASK.kernel, or - for none), sorted. */
  findings: string[];
  errors: number;
  states: number;
  transitions: number;
  /** Wall-clock seconds of the pan process. */
  seconds: number;
  /** pan explored its whole (depth-bounded) state space. */
  complete: boolean;
  output: string;
}

/**
 * pan's options: do not stop at errors (-c0; pan prints each distinct assertion at least once), a
 * hash table of 2^22 slots (the reference configuration's models store at most about 1.5 million
 * states with the step count).
 */
export const PAN_ARGS = ['-c0', '-w22'];

/**
 * Runs pan exhaustively and reads its report; owners are the model's owners of FP data by number
 * (promelaOwners); env is added to pan's environment (a runtime model's variant and depth).
 */
export async function runPan(
  pan: Pan,
  owners: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<PanResult> {
  const t0 = performance.now();
  const { stdout } = await run(pan.path, PAN_ARGS, { maxBuffer: 256 << 20, env: { ...process.env, ...env } });
  return readPanReport(stdout, (performance.now() - t0) / 1000, owners);
}

/** The violations, counts and completeness in pan's output (flags as declare.ts's violationFlag). */
export function readPanReport(stdout: string, seconds: number, owners: readonly string[]): PanResult {
  const found = panFindings(stdout, owners);
  const kinds = new Set(found.map((f) => f.kind));
  return {
    kinds: VIOLATION_KINDS.filter((k) => kinds.has(k)),
    findings: found.map((f) => `${f.kind} ${f.context ?? '-'}`).sort(),
    errors: panNumber(stdout, /errors: (\d+)/),
    states: panNumber(stdout, /(\d+) states, stored/),
    transitions: panNumber(stdout, /(\d+) transitions/),
    seconds,
    complete: panComplete(stdout),
    output: stdout,
  };
}
