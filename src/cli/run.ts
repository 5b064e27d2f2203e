// `fpsimd-viz run FILE [--variant ID] [--json]`: replay a scenario and report violations and costs.
import {
  allRecords,
  COUNTER_NAMES,
  createMachine,
  DEFAULT_VARIANT,
  flattenCalls,
  parseScenario,
  type StateView,
  type Violation,
} from '../engine';
import { describeResult } from '../engine/describeSveResult';
import { EXIT_HELP, inputName, readScenarioFile, UsageError, type CliIO } from './io';
import { COMMON_HELP, commandOptions, oneFile, variantOption } from './options';
import { RUN_OPTIONS } from './optionTables';
import { esc, jsonText } from './text';

export const RUN_HELP = `usage: fpsimd-viz run FILE [--variant ID] [--json]

Replays the scenario FILE (- reads standard input) under the variant (default: the scenario's own,
else ${DEFAULT_VARIANT}) and prints each step's kernel calls, the violations and the cost counters.

  --variant ID       kernel era, ablation or historic variant
  --json             print one fpsimd-result/1 object
${COMMON_HELP}

Exit status: 0 no violation, 1 violations found, 2 bad input or usage,
${EXIT_HELP}`;

const yes = (b: unknown, name: string): string => `${name}=${b ? 'yes' : 'no'}`;
const latest = (b: unknown): string => (b ? 'newest' : 'stale');

/** A violation as fpsimd-result/1 shows it: names, not the engine's owner indices. */
const shown = (v: Violation) => ({
  step: v.step,
  kind: v.kind,
  context: v.context,
  ...(v.source !== undefined ? { source: v.source } : {}),
  cpu: v.cpu,
  message: v.message,
});

/** The SVE state after the last event (SVE machines): per CPU, per task and vcpu, per context V and H. */
function sveLines(view: StateView): string[] {
  const out = ['SVE state after the last event:'];
  for (const c of view.cpus) {
    const h = c.regsH as { owner: string | null; latest: boolean };
    out.push(
      `  CPU${c.id}: VL=${String(c.sveVl)} ${yes(c.el0Sve, 'EL0-SVE')} regs H=${h.owner === null ? 'zero' : `${esc(h.owner)} (${latest(h.latest)})`}`,
    );
  }
  for (const x of view.contexts) {
    if (x.kind === 'kernel_neon' || x.kind === 'kthread') continue;
    const v = x.v as { memLatest: boolean; sveStateLatest: boolean };
    const h = x.h as { dead: boolean; sveStateLatest: boolean };
    const parts = [`  ${esc(x.id)}:`];
    if (x.kind === 'vcpu') parts.push(x.sveVcpu ? `SVE vcpu, ZCR VL=${String(x.zcrVl)}` : 'vcpu without SVE');
    else
      parts.push(
        yes(x.TIF_SVE, 'TIF_SVE'),
        ...(x.fp_type !== undefined ? [`fp_type=${String(x.fp_type)}`] : []),
        `VL=${String(x.sveVl)}`,
        yes(x.inSyscall, 'in-syscall'),
        yes(x.sveTrapPending, 'SVE-trap-pending'),
      );
    parts.push(
      `V: memory ${latest(v.memLatest)}, sve_state ${latest(v.sveStateLatest)};`,
      `H: ${h.dead ? 'dead (ABI)' : 'live'}, sve_state ${latest(h.sveStateLatest)}`,
    );
    out.push(parts.join(' '));
  }
  return out;
}

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = commandOptions(args, RUN_OPTIONS, io);
  if (values.help) {
    io.stdout(RUN_HELP + '\n');
    return 0;
  }
  const file = oneFile(positional, RUN_HELP);
  const name = inputName(file);
  const sc = await readScenarioFile(io, file, parseScenario);
  const variant = variantOption(values.variant, sc, name);
  const m = createMachine(sc, variant);
  const { records, state, illegal } = allRecords(m, sc.events);
  if (illegal)
    throw new UsageError(
      `${name}: events[${illegal.index}] (${illegal.op}, event ${illegal.index + 1} in the app): not legal here: ${esc(illegal.reason)}`,
    );
  const violations: Violation[] = records.flatMap((r) => r.violations);
  if (values.json) {
    const result = {
      format: 'fpsimd-result/1',
      variant: variant.id,
      ok: violations.length === 0,
      counters: state.counters,
      violations: violations.map(shown),
      steps: records.map((r) => ({
        index: r.index,
        event: r.event,
        calls: flattenCalls(r.calls),
        violations: r.violations.map(shown),
      })),
      final: describeResult(m, state),
    };
    io.stdout(jsonText(result) + '\n');
  } else {
    const out: string[] = [`${esc(sc.title)} — variant ${variant.id}, ${records.length} events`];
    for (const r of records) {
      const ev = r.event;
      out.push(
        `#${r.index} cpu${ev.cpu} ${ev.op}${ev.task ? ` ${esc(ev.task)}` : ''}: ${flattenCalls(r.calls).join(' ') || '(no kernel FP calls)'}`,
      );
      for (const v of r.violations)
        out.push(`    !! ${v.kind} (${esc(v.context ?? '-')}, CPU${v.cpu}): ${esc(v.message)}`);
    }
    out.push(`counters: ${COUNTER_NAMES.map((k) => `${k}=${state.counters[k]}`).join(' ')}`);
    if (m.cfg.sve) out.push(...sveLines(describeResult(m, state)));
    out.push(
      violations.length
        ? `${violations.length} violation${violations.length > 1 ? 's' : ''}`
        : 'no violations',
    );
    io.stdout(out.join('\n') + '\n');
  }
  return violations.length ? 1 : 0;
}
