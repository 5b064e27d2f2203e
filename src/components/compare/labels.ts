// Words for the counters and the slots of the compare view.
import type { Counters } from '../../engine';

export const COUNTER_LABEL: Record<keyof Counters, string> = {
  hostSaves: 'Host saves',
  hostRestores: 'Host restores',
  guestSaves: 'Guest saves',
  guestRestores: 'Guest restores',
  fpTraps: 'FP traps',
  irqsOffSaveRestores: 'Saves/restores with IRQs off',
};

/** Slot names: "Variant A", "Variant B", "Variant C". */
export const slotName = (slot: number): string => `Variant ${String.fromCharCode(65 + slot)}`;
