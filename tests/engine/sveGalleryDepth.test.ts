// Each SVE gallery entry is searched to a depth of its own (sveSearch(), src/engine/sveGallery.ts), which
// covers its example's violating step; the counterexamples its search finds (recorded here, found by
// `fpsimd-viz gallery`, whose searches are not run in this file) replay as the entry's own bug: the
// variant reports the violation at the last event and its base does not.
import { describe, expect, it } from 'vitest';
import {
  createMachine,
  galleryEntries,
  replay,
  SVE_UP_MACHINE,
  SVE_UP_KTHREAD_MACHINE,
  type ScenarioEvent,
} from '../../src/engine';
import { EXAMPLES } from '../../src/scenarios';

/** `op[:task]` events on CPU 0, as the gallery prints them (the one-CPU machines). */
const cpu0 = (...s: string[]): ScenarioEvent[] =>
  s.map((x) => {
    const [op, task] = x.split(':');
    return { cpu: 0, op, ...(task ? { task } : {}) } as ScenarioEvent;
  });

const RECORDED: Record<string, { kind: string; context: string; events: ScenarioEvent[] }> = {
  '2955bcc8c309': {
    kind: 'lost-update',
    context: 'qemu',
    events: cpu0(
      'ret_to_user',
      'syscall',
      'schedule:app',
      'ret_to_user',
      'syscall',
      'ptrace_setsve:qemu',
      'schedule:qemu',
      'vcpu_load',
      'guest_enter',
      'guest_fp',
      'guest_exit',
      'schedule:app',
    ),
  },
  b3eb56b629d1: {
    kind: 'kernel-warning',
    context: 'app',
    events: cpu0(
      'ret_to_user',
      'syscall',
      'ptrace_setsve:app',
      'schedule:app',
      'ret_to_user',
      'schedule:qemu',
      'vcpu_load',
      'guest_enter',
      'guest_exit',
      'schedule:app',
      'ret_to_user',
      'user_sve',
      'do_sve_acc',
    ),
  },
  d52d165d67c5: {
    kind: 'stale-read',
    context: 'qemu',
    events: cpu0(
      'ret_to_user',
      'user_sve',
      'do_sve_acc',
      'ret_to_user',
      'vcpu_load',
      'vcpu_put',
      'prctl_set_vl',
      'ret_to_user',
      'vcpu_load',
      'vcpu_put',
      'ret_to_user',
      'user_sve',
    ),
  },
};

const sveHistoric = galleryEntries().filter((e) => e.sve && !e.releaseBug);

describe('the SVE gallery entries are searched to depths of their own', () => {
  it('the one-CPU entries\u2019 depths cover their examples\u2019 violating steps (one-CPU examples)', () => {
    // The others' examples (v6.13's host-side bugs) are longer than the shortest sequence their search
    // finds on the two-CPU host machine; their depth covers that (tests/engine/sveGallery.test.ts).
    const oneCpu = sveHistoric.filter((x) => x.machine.cpus === 1);
    expect(oneCpu.map((e) => e.fix.commit)).toEqual(['2955bcc8c309', 'b3eb56b629d1', 'd52d165d67c5']);
    for (const e of oneCpu) {
      // history-COMMIT12, or history-COMMIT12-* for the variant's own (as the app's gallery picks it).
      const pre = `${e.variant.era.id}/pre-${e.fix.commit}`;
      const ex =
        EXAMPLES.find((x) => x.id.startsWith(`history-${e.fix.commit}-`) && x.scenario.variant === pre) ??
        EXAMPLES.find((x) => x.id === `history-${e.fix.commit}`);
      expect(ex, e.fix.commit).toBeDefined();
      const sc = ex!.scenario;
      const v = replay(createMachine(sc, e.variant), sc.events).violations[0];
      expect(v, e.fix.commit).toBeDefined();
      expect(v.step + 1, e.fix.commit).toBeLessThanOrEqual(e.depth);
    }
  });

  it('v4.18\u2019s two on the SVE one-CPU machine (a plain vcpu), d52d165d67c5 on its kthread twin, by the differential search', () => {
    const by = (c: string) => sveHistoric.find((e) => e.fix.commit === c)!;
    for (const c of ['2955bcc8c309', 'b3eb56b629d1']) {
      expect(by(c).machine.cpus).toBe(SVE_UP_MACHINE.cpus);
      expect(by(c).machine.tasks.some((t) => t.vcpuSve)).toBe(false);
      expect(by(c).unlike).toBe(false);
    }
    expect(by('d52d165d67c5').machine).toBe(SVE_UP_KTHREAD_MACHINE);
    expect(by('d52d165d67c5').unlike).toBe(true);
    expect(by('d52d165d67c5').base?.id).toBe('v6.13');
    expect(sveHistoric.filter((e) => e.unlike).map((e) => e.fix.commit)).toEqual(['d52d165d67c5']);
  });

  it.each(Object.keys(RECORDED))(
    '%s: the recorded counterexample replays as the entry\u2019s own, within its depth',
    (c) => {
      const e = sveHistoric.find((x) => x.fix.commit === c)!;
      const { kind, context, events } = RECORDED[c];
      expect(events.length).toBeLessThanOrEqual(e.depth);
      const last = events.length - 1;
      const at = (v: typeof e.variant) =>
        replay(createMachine(e.machine, v), events).violations.filter((x) => x.step === last);
      expect(at(e.variant).some((x) => x.kind === kind && x.context === context)).toBe(true);
      expect(at(e.base!).some((x) => x.kind === kind && x.context === context)).toBe(false);
    },
  );
});
