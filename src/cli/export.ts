// `fpsimd-viz export --promela FILE [--variant ID] [--depth N] [--ops all|classic]`: the scenario's
// machine (CPUs, tasks, start) and a variant as a Promela model, for an independent check with Spin.
import { DEFAULT_VARIANT, parseScenario, type Op, type Scenario, type Variant } from '../engine';
import { machineOps } from '../engine/explore/alphabet';
import { buildConfig } from '../engine/config';
import { DEFAULT_MAX_SIGNAL_FRAMES } from '../engine/explore';
import { promelaGaps, promelaModel } from '../engine/promela';
import { DEFAULT_DEPTH, MAX_DEPTH } from './check';
import { EXIT_HELP, inputName, readScenarioFile, UsageError, type CliIO } from './io';
import { COMMON_HELP, commandOrHelp, countOption, oneFile, opsOption, variantOption } from './options';
import { EXPORT_OPTIONS } from './optionTables';
import { esc } from './text';
import { machineLine, multicoreModel } from './spinModel';

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
                 same states, a larger state vector): docs/explorer.md, "Bigger than one machine"
The model's last line names the machine, variant, depth and ops, so that 'fpsimd-viz import-trail'
turns a trail of pan into a scenario.
${COMMON_HELP}

Exit status: 0 model written, 2 bad input or usage,
${EXIT_HELP}`;

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = commandOrHelp(args, EXPORT_OPTIONS, EXPORT_HELP, io);
  if (!parsed) return 0;
  const { positional, values } = parsed;
  if (!values.promela) throw new UsageError(`export needs a format: --promela\n${EXPORT_HELP}`);
  const file = oneFile(positional, EXPORT_HELP);
  const depth = countOption('depth', values.depth, MAX_DEPTH, DEFAULT_DEPTH);
  const name = inputName(file);
  const sc = await readScenarioFile(io, file, parseScenario);
  const variant = variantOption(values.variant, sc, name);
  io.stdout(
    exportModel(sc, variant, { depth, ops: opsOption(values.ops), name, multicore: !!values.multicore }),
  );
  return 0;
}

/**
 * The Promela model of the scenario's machine under the variant, with its machine line (for
 * import-trail); refused with a UsageError for what the model leaves out (SVE, gaps).
 */
export function exportModel(
  sc: Scenario,
  variant: Variant,
  o: { depth: number; ops: readonly Op[]; name: string; multicore: boolean },
): string {
  const cfg = buildConfig(sc);
  if (cfg.sve)
    throw new UsageError(
      `${esc(o.name)}: no Promela model of SVE machines yet ("sve": true): explore it with fpsimd-viz check`,
    );
  const ops = machineOps(cfg, o.ops);
  const gaps = promelaGaps(cfg, variant, ops);
  if (gaps.length)
    throw new UsageError(`no Promela model of ${variant.id} for this machine yet: ${esc(gaps.join('; '))}`);
  const model = promelaModel(sc, variant, { depth: o.depth, ops });
  const origin = machineLine({ variant: variant.id, depth: o.depth, ops, machine: sc });
  return (o.multicore ? multicoreModel(model) : model) + origin;
}
