// `fpsimd-viz export --promela FILE [--variant ID] [--depth N] [--ops all|classic]`: the scenario's
// machine (CPUs, tasks, start) and a variant as a Promela model, for an independent check with Spin.
import { DEFAULT_VARIANT, parseScenario, variantOrError } from '../engine';
import { buildConfig } from '../engine/config';
import { CLASSIC_OPS, DEFAULT_MAX_SIGNAL_FRAMES, EXPLORER_OPS } from '../engine/explore';
import { promelaGaps, promelaModel } from '../engine/promela';
import { parseArgs, readScenarioFile, UsageError, type CliIO } from './io';
import { esc } from './text';
import { machineLine, multicoreModel } from './spinModel';

const DEFAULT_DEPTH = 12;
const MAX_DEPTH = 1000;

export const EXPORT_HELP = `usage: fpsimd-viz export --promela FILE [--variant ID] [--depth N] [--ops all|classic] [--multicore]

Writes to standard output a Promela model of the scenario FILE's machine (- reads standard input):
its cpus, tasks and start; its events are ignored. The model tries every legal event sequence of up
to N events, as 'fpsimd-viz check' does, and asserts the four violation kinds, so that Spin checks
the same question independently:
  fpsimd-viz export --promela s.json > model.pml
  spin -a model.pml && cc -O1 -DSAFETY -o pan pan.c && ./pan -c0
Each violation pan finds is printed as "assertion violated !(KIND_N)": KIND is stale_read,
lost_update, leak or kernel_warning, N the context's number as listed in the model (none: no
context); "errors: 0" means none within N events.

  --promela      the format (the only one so far)
  --variant ID   kernel era, ablation or historic variant (default: the scenario's own, else ${DEFAULT_VARIANT})
  --depth N      longest event sequence, 1 to ${MAX_DEPTH} (default ${DEFAULT_DEPTH}, as check's)
  --ops SET      all (default): every op, at most ${DEFAULT_MAX_SIGNAL_FRAMES} pending signal frame per task, as check's;
                 classic: the first eleven (no kernel-mode NEON sections or lifecycle events)
  --multicore    a model Spin's multi-core verifier takes (cc -DNCORE=N; no hidden variables: the
                 same states, a larger state vector): docs/explorer.md, "Beyond one process"
The model's last line names the machine, variant, depth and ops, so that 'fpsimd-viz import-trail'
turns a trail of pan into a scenario.
Exit status: 0 model written, 2 bad input or usage.`;

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(
    args,
    ['promela', 'help', 'multicore'],
    ['variant', 'depth', 'ops'],
  );
  if (flags.has('help')) {
    io.stdout(EXPORT_HELP + '\n');
    return 0;
  }
  if (!flags.has('promela')) throw new UsageError(`export needs a format: --promela\n${EXPORT_HELP}`);
  if (positional.length !== 1)
    throw new UsageError(
      `${positional.length ? `expected one FILE, got ${positional.length}` : 'missing FILE'}\n${EXPORT_HELP}`,
    );
  const depthFlag = flags.get('depth');
  let depth = DEFAULT_DEPTH;
  if (typeof depthFlag === 'string') {
    const digits = depthFlag.replace(/[_,]/g, '');
    if (!/^[0-9]+$/.test(digits) || Number(digits) < 1 || Number(digits) > MAX_DEPTH)
      throw new UsageError(`--depth: "${depthFlag}" is not a whole number from 1 to ${MAX_DEPTH}`);
    depth = Number(digits);
  }
  const opsFlag = flags.get('ops') ?? 'all';
  if (opsFlag !== 'all' && opsFlag !== 'classic')
    throw new UsageError(`--ops: expected all or classic, got ${esc(String(opsFlag))}`);
  const ops = opsFlag === 'classic' ? CLASSIC_OPS : EXPLORER_OPS;
  const file = positional[0];
  const sc = await readScenarioFile(io, file, parseScenario);
  const chosen = flags.get('variant');
  const variant = variantOrError(typeof chosen === 'string' ? chosen : (sc.variant ?? DEFAULT_VARIANT));
  if (typeof variant === 'string')
    throw new UsageError(`${typeof chosen === 'string' ? '--variant' : `${file}: variant`}: ${variant}`);
  const gaps = promelaGaps(buildConfig(sc), variant, ops);
  if (gaps.length)
    throw new UsageError(`no Promela model of ${variant.id} for this machine yet: ${gaps.join('; ')}`);
  const model = promelaModel(sc, variant, { depth, ops });
  const origin = machineLine({ variant: variant.id, depth, ops, machine: sc });
  io.stdout((flags.has('multicore') ? multicoreModel(model) : model) + origin);
  return 0;
}
