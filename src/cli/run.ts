// `fpsimd-viz run FILE [--variant ID] [--json]`: replay a scenario and report violations and costs.
import {
  allRecords,
  COUNTER_NAMES,
  createMachine,
  DEFAULT_VARIANT,
  describeState,
  flattenCalls,
  parseScenario,
  variantOrError,
  type Violation,
} from '../engine';
import { inputName, parseArgs, readScenarioFile, UsageError, type CliIO } from './io';
import { esc, jsonText } from './text';

export const RUN_HELP = `usage: fpsimd-viz run FILE [--variant ID] [--json]

Replays the scenario FILE (- reads standard input) under the variant (default: the scenario's own,
else ${DEFAULT_VARIANT}) and prints each step's kernel calls, the violations and the cost counters.
Exit status: 0 no violation, 1 violations found, 2 bad input or usage.`;

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(args, ['json', 'help'], ['variant']);
  if (flags.has('help')) {
    io.stdout(RUN_HELP + '\n');
    return 0;
  }
  if (positional.length !== 1) throw new UsageError(`run needs exactly one FILE\n${RUN_HELP}`);
  const file = positional[0];
  const name = inputName(file);
  const sc = await readScenarioFile(io, file, parseScenario);
  const vid = (flags.get('variant') as string | undefined) ?? sc.variant ?? DEFAULT_VARIANT;
  const variant = variantOrError(vid);
  if (typeof variant === 'string')
    throw new UsageError(`${flags.has('variant') ? '--variant' : `${name}: variant`}: ${esc(variant)}`);
  const m = createMachine(sc, variant);
  const { records, state, illegal } = allRecords(m, sc.events);
  if (illegal)
    throw new UsageError(
      `${name}: events[${illegal.index}] (${illegal.op}, event ${illegal.index + 1} in the app): not legal here: ${esc(illegal.reason)}`,
    );
  const violations: Violation[] = records.flatMap((r) => r.violations);
  if (flags.has('json')) {
    const result = {
      format: 'fpsimd-result/1',
      variant: variant.id,
      ok: violations.length === 0,
      counters: state.counters,
      violations,
      steps: records.map((r) => ({
        index: r.index,
        event: r.event,
        calls: flattenCalls(r.calls),
        violations: r.violations,
      })),
      final: describeState(m, state),
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
    out.push(
      violations.length
        ? `${violations.length} violation${violations.length > 1 ? 's' : ''}`
        : 'no violations',
    );
    io.stdout(out.join('\n') + '\n');
  }
  return violations.length ? 1 : 0;
}
