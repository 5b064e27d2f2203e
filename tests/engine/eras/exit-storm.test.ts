// The patch's claim, reproduced: per-exit FP cost of a guest that uses FP on each of 20 entries.
// v4.17 (arch/arm64/kvm/hyp/switch.c, entry.S): every entry sets CPTR_EL2.TFP, so every entry traps;
//   the trap saves the host's registers into host_cpu_context and loads the guest's, and the exit
//   saves the guest's and restores the host's: 2 saves + 2 restores per exit, all with IRQs off.
// v4.18: only the first entry traps (hS + gR); later entries find FP_ENABLED set and TIF clear.
// v6.13: as v4.18, with fp_owner: the first trap saves the host (it owns the registers) and loads
//   the guest; later entries find the guest owner kept (TIF clear), so no trap.
// v6.15: the host was saved at vcpu_load; only the first entry traps (gR); later entries keep
//   fp_owner GUEST_OWNED (ctxflush sees TIF clear), so no trap and no save or restore.
import { describe, expect, it } from 'vitest';
import type { Counters } from '../../../src/engine';
import { counters as c, countersAfterEach, loadExample, minus, type EraId } from './helpers';

const ZERO = c(0, 0, 0, 0, 0, 0);
const sc = loadExample('exit-storm');
const exits = sc.events.flatMap((e, i) => (e.op === 'guest_exit' ? [i] : []));
const vcpuLoad = sc.events.findIndex((e) => e.op === 'vcpu_load');

/** Counters spent from the event after the previous exit (or after vcpu_load) up to each exit. */
function perExit(era: EraId): Counters[] {
  const after = countersAfterEach(sc, era);
  return exits.map((x, i) => minus(after[x + 1], after[(i === 0 ? vcpuLoad : exits[i - 1]) + 1]));
}

describe('guest exit storm: 20 entries, FP on each', () => {
  it('has 20 guest exits, each after one guest_enter and one guest_fp', () => {
    expect(exits).toHaveLength(20);
    for (const x of exits)
      expect(sc.events.slice(x - 2, x + 1).map((e) => e.op)).toEqual([
        'guest_enter',
        'guest_fp',
        'guest_exit',
      ]);
  });

  it('v4.17: 2 saves and 2 restores per exit, all with IRQs off, one trap each', () => {
    expect(perExit('v4.17')).toEqual(Array(20).fill(c(1, 1, 1, 1, 1, 4)));
  });

  it('v4.18: the first exit pays the trap (host save, guest restore), the other 19 nothing', () => {
    expect(perExit('v4.18')).toEqual([c(1, 0, 0, 1, 1, 2), ...Array(19).fill(ZERO)]);
  });

  it('v6.13: the first exit pays the trap (host save, guest restore), the other 19 nothing', () => {
    expect(perExit('v6.13')).toEqual([c(1, 0, 0, 1, 1, 2), ...Array(19).fill(ZERO)]);
  });

  it('v6.15: the first exit pays the trap (guest restore only), the other 19 nothing', () => {
    expect(perExit('v6.15')).toEqual([c(0, 0, 0, 1, 1, 1), ...Array(19).fill(ZERO)]);
  });

  it('v6.15 saves the host state at vcpu_load instead, with IRQs off', () => {
    const after = countersAfterEach(sc, 'v6.15');
    expect(minus(after[vcpuLoad + 1], after[vcpuLoad])).toEqual(c(1, 0, 0, 0, 0, 1));
    expect(
      minus(countersAfterEach(sc, 'v4.18')[vcpuLoad + 1], countersAfterEach(sc, 'v4.18')[vcpuLoad]),
    ).toEqual(ZERO);
  });
});
