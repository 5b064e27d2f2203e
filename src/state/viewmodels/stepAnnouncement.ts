// What the screen reader hears when the cursor moves: where the step is and what it did, from its
// record (the event, its violations and the most telling field changes), e.g. "Step 5 of 12: guest_exit
// on CPU0; vcpu0's state now bound to CPU0; CPU0 now in kernel mode".
import type { FieldChange, StepRecord } from '../../engine';
import { violationTitle } from './violationText';

/** At most this many changes are read out; the rest are counted. */
const MAX_CHANGES = 3;

/** Fields in the order they are worth hearing, each as a short phrase. */
const PHRASES: readonly [string, (c: FieldChange, who: string) => string][] = [
  [
    'fpsimd_last_state',
    (c, who) =>
      c.after === 'NULL' ? `${who}'s fpsimd_last_state cleared` : `${c.after}'s state now bound to ${who}`,
  ],
  ['regs', (c, who) => `${who}'s registers now hold ${c.after}`],
  ['memory', (c, who) => `${who}'s in-memory copy now holds ${c.after}`],
  ['current', (c, who) => `${who} now runs ${c.after}`],
  ['mode', (c, who) => `${who} now in ${c.after} mode`],
];

const targetName = (c: FieldChange): string => (c.target.kind === 'cpu' ? `CPU${c.target.cpu}` : c.target.id);

/** The phrases for a step's changes, most telling first. */
export function changePhrases(changes: readonly FieldChange[]): string[] {
  const out: string[] = [];
  for (const [field, say] of PHRASES)
    for (const c of changes) if (c.field === field) out.push(say(c, targetName(c)));
  const said = new Set(PHRASES.map(([f]) => f));
  for (const c of changes)
    if (!said.has(c.field) && c.field !== 'newest version')
      out.push(`${targetName(c)} ${c.field} ${c.before} → ${c.after}`);
  return out;
}

/** The announcement for the cursor at `cursor` of `end`, with the record of the step that led there. */
export function stepAnnouncement(cursor: number, end: number, record: StepRecord | null): string {
  const head = `Step ${cursor} of ${end}`;
  if (!record) return `${head}: the initial state`;
  const { event } = record;
  const what = `${event.op}${event.task ? ` ${event.task}` : ''} on CPU${event.cpu}`;
  const parts = [
    ...record.violations.map((v) => `violation: ${violationTitle(v)}`),
    ...changePhrases(record.changes),
  ];
  const shown = parts.slice(0, MAX_CHANGES + record.violations.length);
  const more = parts.length - shown.length;
  if (shown.length === 0) shown.push('no field changed');
  if (more > 0) shown.push(`${more} more change${more === 1 ? '' : 's'}`);
  return `${head}: ${what}; ${shown.join('; ')}`;
}
