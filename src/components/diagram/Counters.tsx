// Running totals at the cursor: FP saves, restores, traps, and work done with IRQs off.
import { COUNTER_NAMES, countersAt, type Counters as C } from '../../engine';
import { useScenarioStore } from '../../state/stores/scenarioStore';

const LABEL: Record<keyof C, string> = {
  hostSaves: 'host saves',
  hostRestores: 'host restores',
  guestSaves: 'guest saves',
  guestRestores: 'guest restores',
  fpTraps: 'FP traps',
  irqsOffSaveRestores: 'with IRQs off',
};

export function Counters() {
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const c = countersAt(replay, cursor);
  return (
    <dl className="counters" aria-label={`Totals after step ${cursor}`}>
      {COUNTER_NAMES.map((k) => (
        <div key={k}>
          <dt>{LABEL[k] ?? k}</dt>
          <dd>{c[k]}</dd>
        </div>
      ))}
    </dl>
  );
}
