// One test per event op: its effect, and its rejections with the failed precondition in words.
import { describe, expect, it } from 'vitest';
import {
  initialMachineState,
  stepWithRecord,
  whyIllegal,
  flattenCalls,
  type ScenarioEvent,
} from '../../src/engine';
import { EDITOR, KWORKER, QEMU, VCPU0, machine, on, run } from './helpers';

const m = machine();
const at = (events: ScenarioEvent[]) => run(m, events).s;
const why = (events: ScenarioEvent[], ev: ScenarioEvent) => whyIllegal(m.cfg, at(events), ev);
const calls = (events: ScenarioEvent[], ev: ScenarioEvent) => {
  const r = stepWithRecord(m, at(events), ev, events.length);
  if (!r.ok) throw new Error(r.reason);
  return { names: flattenCalls(r.record.calls), rec: r.record, s: r.state };
};

describe('schedule', () => {
  it('switches tasks through fpsimd_thread_switch; a vcpu thread in KVM_RUN is put and loaded again', () => {
    const pre = on(0, 'ret_to_user', 'vcpu_load');
    const out = calls(pre, { cpu: 0, op: 'schedule', task: 'kworker' });
    expect(out.names).toEqual(
      expect.arrayContaining(['__schedule', 'kvm_sched_out', 'kvm_arch_vcpu_put_fp', 'fpsimd_thread_switch']),
    );
    expect(out.s.cpus[0].current).toBe(KWORKER);
    expect(out.s.cpus[0].mode).toBe('kernel');
    const back = calls([...pre, { cpu: 0, op: 'schedule', task: 'kworker' }], {
      cpu: 0,
      op: 'schedule',
      task: 'qemu',
    });
    expect(back.names).toContain('kvm_arch_vcpu_load_fp');
  });

  it('is rejected for a missing or unknown task, the current task, a task on another CPU, or in the guest', () => {
    expect(why([], { cpu: 0, op: 'schedule' })).toMatch(/needs a "task"/);
    expect(why([], { cpu: 0, op: 'schedule', task: 'nobody' })).toMatch(/no task "nobody"/);
    expect(why([], { cpu: 0, op: 'schedule', task: 'vcpu0' })).toMatch(/no task "vcpu0"/);
    expect(why([], { cpu: 0, op: 'schedule', task: 'qemu' })).toMatch(/already current on CPU0/);
    expect(why([], { cpu: 0, op: 'schedule', task: 'editor' })).toMatch(/current on CPU1/);
    expect(
      why(on(0, 'ret_to_user', 'vcpu_load', 'guest_enter'), { cpu: 0, op: 'schedule', task: 'kworker' }),
    ).toMatch(/in the guest/);
  });
});

describe('ret_to_user', () => {
  it('reloads the state when TIF_FOREIGN_FPSTATE is set, not when it is clear', () => {
    expect(calls([], { cpu: 0, op: 'ret_to_user' }).names).toContain('fpsimd_restore_current_state');
    const again = calls(on(0, 'ret_to_user', 'syscall'), { cpu: 0, op: 'ret_to_user' });
    expect(again.names).toEqual([]);
    expect(again.s.cpus[0].mode).toBe('user');
  });

  it('is rejected for kthreads, in user mode, idle CPUs and inside KVM_RUN', () => {
    expect(why(on(0, ['schedule', 'kworker']), { cpu: 0, op: 'ret_to_user' })).toMatch(/kernel thread/);
    expect(why(on(0, 'ret_to_user'), { cpu: 0, op: 'ret_to_user' })).toMatch(/user mode/);
    expect(why(on(0, 'ret_to_user', 'vcpu_load'), { cpu: 0, op: 'ret_to_user' })).toMatch(/KVM_RUN/);
    const idle = machine('v4.18', { ...m.cfg, cpus: 1, tasks: [{ id: 'a' }], start: {} } as never);
    expect(whyIllegal(idle.cfg, initialMachineState(idle), { cpu: 0, op: 'ret_to_user' })).toMatch(/idle/);
  });
});

describe('syscall and user_fp', () => {
  it('syscall enters the kernel; user_fp makes the registers hold the newest data', () => {
    expect(calls(on(0, 'ret_to_user'), { cpu: 0, op: 'syscall' }).s.cpus[0].mode).toBe('kernel');
    const s = calls(on(0, 'ret_to_user'), { cpu: 0, op: 'user_fp' }).s;
    expect(s.ghost.regOwner[0]).toBe(QEMU);
    expect(s.ghost.regVer[0]).toBe(1);
    expect(s.ghost.newest[QEMU]).toBe(1);
  });

  it('both are rejected outside user mode', () => {
    expect(why([], { cpu: 0, op: 'syscall' })).toMatch(/not running a task in user space/);
    expect(why([], { cpu: 0, op: 'user_fp' })).toMatch(/mode: kernel/);
  });
});

describe('kernel_neon and softirq_neon', () => {
  it('kernel_neon saves, flushes and leaves scratch', () => {
    const out = calls(on(0, 'ret_to_user', 'user_fp', 'syscall'), { cpu: 0, op: 'kernel_neon' });
    expect(out.names).toEqual([
      'kernel_neon_begin',
      'fpsimd_save',
      'fpsimd_save_state',
      'fpsimd_flush_cpu_state',
      'kernel_neon_end',
    ]);
    expect(out.s.ghost.regOwner[0]).toBe(-2);
    expect(out.rec.violations).toEqual([]);
  });

  it('softirq_neon interrupting user mode returns through the reload path', () => {
    const out = calls(on(0, 'ret_to_user', 'user_fp'), { cpu: 0, op: 'softirq_neon' });
    expect(out.names).toContain('task_fpsimd_load');
    expect(out.s.ghost.regOwner[0]).toBe(QEMU);
    expect(out.s.cpus[0].mode).toBe('user');
  });

  it('kernel_neon is rejected in user mode and on idle CPUs; softirq_neon in the guest', () => {
    expect(why(on(0, 'ret_to_user'), { cpu: 0, op: 'kernel_neon' })).toMatch(/user mode/);
    expect(why(on(0, 'ret_to_user', 'vcpu_load', 'guest_enter'), { cpu: 0, op: 'softirq_neon' })).toMatch(
      /IRQs disabled/,
    );
  });
});

describe('vcpu_load, guest_enter, guest_fp, guest_exit, vcpu_put', () => {
  it('run the four hooks in order', () => {
    expect(calls(on(0, 'ret_to_user'), { cpu: 0, op: 'vcpu_load' }).names).toEqual([
      'kvm_vcpu_ioctl',
      'kvm_arch_vcpu_run_pid_change',
      'kvm_arch_vcpu_run_map_fp',
      'vcpu_load',
      'kvm_arch_vcpu_load',
      'kvm_arch_vcpu_load_fp',
    ]);
    const entered = calls(on(0, 'ret_to_user', 'vcpu_load'), { cpu: 0, op: 'guest_enter' });
    expect(entered.names).toContain('update_fp_enabled');
    expect(entered.s.cpus[0].irqsOff).toBe(true);
    expect(entered.s.cpus[0].mode).toBe('guest');
    const trap = calls(on(0, 'ret_to_user', 'vcpu_load', 'guest_enter'), { cpu: 0, op: 'guest_fp' });
    expect(trap.names).toEqual(['__hyp_switch_fpsimd', '__fpsimd_save_state', '__fpsimd_restore_state']);
    expect(trap.s.counters.fpTraps).toBe(1);
    const exit = calls(on(0, 'ret_to_user', 'vcpu_load', 'guest_enter', 'guest_fp'), {
      cpu: 0,
      op: 'guest_exit',
    });
    expect(exit.names).toContain('kvm_arch_vcpu_ctxsync_fp');
    expect(exit.s.cpus[0].irqsOff).toBe(false);
    const put = calls(on(0, 'ret_to_user', 'vcpu_load', 'guest_enter', 'guest_fp', 'guest_exit'), {
      cpu: 0,
      op: 'vcpu_put',
    });
    expect(put.names).toContain('kvm_arch_vcpu_put_fp');
    expect(put.s.vcpus[0].inRun).toBe(false);
    expect(put.s.ghost.memVer[VCPU0]).toBe(1);
  });

  it('the second guest FP use does not trap', () => {
    const out = calls(
      on(0, 'ret_to_user', 'vcpu_load', 'guest_enter', 'guest_fp', 'guest_exit', 'guest_enter'),
      {
        cpu: 0,
        op: 'guest_fp',
      },
    );
    expect(out.names).toEqual([]);
    expect(out.s.counters.fpTraps).toBe(1);
  });

  it('are rejected where their preconditions fail', () => {
    expect(why(on(1, 'ret_to_user'), { cpu: 1, op: 'vcpu_load' })).toMatch(/does not run a vcpu/);
    expect(why([], { cpu: 0, op: 'vcpu_load' })).toMatch(/must be in user space/);
    expect(why(on(0, 'ret_to_user', 'vcpu_load'), { cpu: 0, op: 'syscall' })).toMatch(/mode: kernel/);
    expect(why(on(0, 'ret_to_user', 'syscall'), { cpu: 0, op: 'guest_enter' })).toMatch(/not loaded/);
    expect(why([], { cpu: 0, op: 'guest_fp' })).toMatch(/not in a guest/);
    expect(why([], { cpu: 0, op: 'guest_exit' })).toMatch(/not in a guest/);
    expect(why([], { cpu: 0, op: 'vcpu_put' })).toMatch(/not loaded/);
    expect(why(on(0, 'ret_to_user', 'vcpu_load', 'guest_enter'), { cpu: 0, op: 'vcpu_put' })).toMatch(
      /guest mode/,
    );
    expect(why([], { cpu: 5, op: 'syscall' })).toMatch(/CPU 5 does not exist/);
    expect(why([], { cpu: 0, op: 'reboot' } as never)).toMatch(/unknown op "reboot"/);
  });
});

describe('the step record', () => {
  it('lists field changes with before and after, and a plain explanation', () => {
    const out = calls([], { cpu: 0, op: 'ret_to_user' });
    const paths = Object.fromEntries(out.rec.changes.map((c) => [c.path, [c.before, c.after]]));
    expect(paths['qemu.TIF_FOREIGN_FPSTATE']).toEqual(['set', 'clear']);
    expect(paths['cpu0.fpsimd_last_state']).toEqual(['NULL', 'qemu']);
    expect(paths['qemu.fpsimd_cpu']).toEqual(['NR_CPUS', '0']);
    expect(out.rec.explanation).toMatch(/qemu returns to user space; TIF_FOREIGN_FPSTATE was set/);
    expect(EDITOR).toBe(1);
  });

  it('does not modify the state it was given (the pure step)', () => {
    const s = at(on(0, 'ret_to_user'));
    const copy = JSON.stringify(s);
    stepWithRecord(m, s, { cpu: 0, op: 'user_fp' }, 1);
    expect(JSON.stringify(s)).toBe(copy);
  });
});
