import { describe, expect, it } from 'vitest';
import { createMachine, ERAS, findVariant, recordAt, replay } from '../../../src/engine';
import { eraSource, stepCode } from '../../../src/state/codepane/codeView';
import { codeAt, ENGINE_CODE, example, executedText, fileOf, sourcesOf } from './helpers';

describe('code pane view model', () => {
  it('finds the module of every era by its id', () => {
    for (const era of ERAS) {
      const src = eraSource(era.id, ENGINE_CODE);
      expect(src?.text).toContain(`id: '${era.id}'`);
      expect(src?.path).toMatch(/^src\/engine\/eras\//);
    }
    expect(eraSource('v9.99', ENGINE_CODE)).toBeNull();
  });
  it('shows __hyp_switch_fpsimd for the trapping guest FP access, its executed statements marked', () => {
    const blocks = codeAt(example('guest-first-fp'), 'v4.18', 4);
    expect(blocks.map((b) => b.name)).toEqual([
      '__hyp_switch_fpsimd',
      '__fpsimd_save_state',
      '__fpsimd_restore_state',
    ]);
    const [hyp, save] = blocks;
    expect(hyp.file).toBe('arch/arm64/kvm/hyp/switch.c');
    expect(hyp.source).toBe('src/engine/eras/v4_18_hyp.ts');
    expect(hyp.inside).toBeNull();
    expect(hyp.lines[0].text).toMatch(/^\/\*\* arch\/arm64\/kvm\/hyp\/switch\.c/);
    expect(hyp.lines.some((l) => l.text.startsWith('export function __hyp_switch_fpsimd('))).toBe(true);
    expect(hyp.executed).toEqual(['save-host', 'load-guest']);
    const ran = executedText(hyp);
    expect(ran).toContain("stmt(k, 'save-host');");
    expect(ran).toContain("enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);");
    expect(ran).toContain('set_x(k, FP_HOST, v, 0);');
    expect(ran).toContain("stmt(k, 'load-guest');");
    expect(ran).toContain('memoryToRegs(k, v);');
    expect(ran).not.toContain('set_fp_trap(k, false);');
    // Line numbers are the engine file's own.
    const text = fileOf('src/engine/eras/v4_18_hyp.ts').text.split('\n');
    for (const l of hyp.lines) expect(text[l.n - 1]).toBe(l.text);
    // A call modelled inline names the function holding it.
    expect(save.inside).toBe('__hyp_switch_fpsimd');
    expect(save.lines.map((l) => l.text.trim())[0]).toBe("enter(k, '__fpsimd_save_state', HYP_FPSIMD_S);");
  });
  it('marks a statement the call did not execute as skipped', () => {
    // Second guest entry: update_fp_enabled() does not clear the flags (TIF_FOREIGN_FPSTATE is clear).
    const blocks = codeAt(example('guest-first-fp'), 'v4.18', 6);
    const upd = blocks.find((b) => b.name === 'update_fp_enabled')!;
    const marker = upd.lines.find((l) => l.marker?.includes('clear-flags'))!;
    expect(marker.skipped).toBe(true);
    expect(marker.executed).toBe(false);
    expect(upd.lines.some((l) => l.executed)).toBe(false);
  });
  it('marks the ablatable statements of the era beside vcpu_put', () => {
    const blocks = codeAt(example('guest-first-fp'), 'v4.18', 9);
    const names = blocks.map((b) => b.name);
    expect(names).toEqual([
      'kvm_arch_vcpu_ioctl_run',
      'vcpu_put',
      'kvm_arch_vcpu_put',
      'kvm_arch_vcpu_put_fp',
      'fpsimd_save',
      'fpsimd_save_state',
      'fpsimd_flush_cpu_state',
    ]);
    const put = blocks[3];
    expect(put.lines.filter((l) => l.ablation).map((l) => l.ablation)).toEqual(['put-save', 'put-flush']);
    expect(executedText(put)).toEqual([
      "stmt(k, 'save');",
      'fpsimd_save(k);',
      "stmt(k, 'flush');",
      'fpsimd_flush_cpu_state(k);',
    ]);
    expect(blocks[6].source).toBe('src/engine/kernel/fpsimd_v4_18.ts');
    expect(blocks[6].lines.find((l) => l.ablation)?.ablation).toBe('flush-sets-foreign');
    // Calls the event driver makes inline come from events.ts, in the event's own case.
    expect(blocks[0].source).toBe('src/engine/events.ts');
    expect(blocks[0].inside).toBe("runEvent (case 'vcpu_put')");
    expect(blocks[1].inside).toBe('v4_18.kvm_run_exit');
  });
  it('finds the v6 save under its kernel name, without ablation controls in an era that has none', () => {
    const blocks = codeAt(example('guest-first-fp'), 'mainline', 2);
    const save = blocks.find((b) => b.name === 'fpsimd_save_user_state')!;
    expect(save.source).toBe('src/engine/kernel/fpsimd_v6.ts');
    expect(save.lines.some((l) => l.text.startsWith('export function fpsimd_save_user_state('))).toBe(true);
    for (const b of blocks) expect(b.lines.every((l) => l.ablation === null)).toBe(true);
  });
  it('marks the label chosen at run time on a marker with several', () => {
    const sc = example('vcpu-preempt-migrate');
    const v = findVariant('v4.18')!;
    const r = replay(createMachine(sc, v), sc.events);
    let seen = 0;
    for (let i = 0; i < r.length; i++) {
      const rec = recordAt(r, i);
      for (const b of stepCode(rec.calls, v.era, rec.event.op, sourcesOf(v))) {
        if (b.name !== 'fpsimd_thread_switch') continue;
        const marker = b.lines.find((l) => l.marker && l.marker.length === 2)!;
        expect(marker.marker).toEqual(['set-foreign', 'clear-foreign']);
        expect(marker.executed).toBe(true);
        expect(b.executed.length).toBe(1);
        expect(executedText(b)).toContain('set_foreign(k, next, wrong_task || wrong_cpu);');
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('historic fixes in the code pane model', () => {
  it('marks each fixed(k, COMMIT) test of a fix the era lists, through a module constant too', () => {
    const put = codeAt(example('guest-first-fp'), 'v4.18', 9).find((b) => b.name === 'kvm_arch_vcpu_put_fp')!;
    const marked = put.lines.filter((l) => l.historic);
    expect(marked.map((l) => l.text.trim())).toEqual([
      'if (fixed(k, B045)) {',
      'if (system_supports_sve(k) && !fixed(k, C2955)) {',
      '} else if (!fixed(k, B3EB)) {',
      'if (system_supports_sve(k) && fixed(k, C2955)) {',
      'if (fixed(k, B045)) {',
    ]);
    expect(marked[0].historic?.commit).toBe('b045e4d0f392');
    // Lines without a fixed() test carry none.
    expect(put.lines.filter((l) => !l.text.includes('fixed(k')).every((l) => l.historic === null)).toBe(true);
  });
});

describe('the kernel side of each engine line', () => {
  it('uses the comment beside a statement, paraphrases helpers and names called kernel functions', () => {
    const put = codeAt(example('guest-first-fp'), 'v4.18', 9).find((b) => b.name === 'kvm_arch_vcpu_put_fp')!;
    const side = (text: string) => put.lines.find((l) => l.text.trim() === text)?.kernel;
    expect(side('set_irqs_off(k, true); // local_irq_save()')).toBe('local_irq_save()');
    // Text the line's own comment already shows is flagged, so the pane need not repeat it.
    const own = (text: string) => put.lines.find((l) => l.text.trim() === text)?.kernelIsComment;
    expect(own('set_irqs_off(k, true); // local_irq_save()')).toBe(true);
    expect(own('fpsimd_save(k);')).toBe(false);
    expect(side("enter(k, 'kvm_arch_vcpu_put_fp', KVM_FPSIMD_C);")).toBe('kvm_arch_vcpu_put_fp() begins');
    expect(side('fpsimd_save(k);')).toBe('fpsimd_save()');
    expect(side('fpsimd_flush_cpu_state(k);')).toBe('fpsimd_flush_cpu_state()');
    expect(side("stmt(k, 'save');")).toBeNull();
    expect(side('leave(k);')).toBeNull();
    const load = codeAt(example('guest-first-fp'), 'v4.18', 2).find(
      (b) => b.name === 'kvm_arch_vcpu_load_fp',
    )!;
    const lk = (text: string) => load.lines.find((l) => l.text.trim() === text)?.kernel;
    expect(lk('set_x(k, FP_HOST, v, 1);')).toBe('set KVM_ARM64_FP_HOST');
    expect(lk('set_x(k, FP_ENABLED, v, 0);')).toBe('clear KVM_ARM64_FP_ENABLED');
  });

  it('names an enumerated field’s value (mainline fp_owner)', () => {
    const blocks = codeAt(example('guest-first-fp'), 'mainline', 4);
    const lines = blocks.flatMap((b) => b.lines).filter((l) => /set_x\(k, FP_OWNER/.test(l.text));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.kernel).toMatch(/^fp_owner = FP_STATE_/);
  });
});

describe('what the syntax gives that line patterns missed', () => {
  it('ends a marker’s block at its closing brace, not in the else branch after it', () => {
    const blocks = codeAt(example('history-674c242c9323'), 'v4.17', 3);
    const flush = blocks.find((b) => b.name === 'fpsimd_flush_thread')!;
    expect(flush.executed).toContain('flush-task');
    const ran = executedText(flush);
    expect(ran).toContain('fpsimd_flush_task_state(k, t);');
    expect(ran).not.toContain('} else {');
    expect(ran.some((t) => t.startsWith('set_fpsimd_cpu('))).toBe(false);
  });

  it('marks a fix test through an exported constant (v6.15, e92bee9f861b in the shared host side)', () => {
    const blocks = codeAt(example('history-674c242c9323'), 'v6.15', 4);
    const lines = blocks.flatMap((b) => b.lines).filter((l) => l.text.includes('fixed(k, E92B)'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.historic?.commit).toBe('e92bee9f861b');
  });

  it('reads a call wherever its statement starts and a WARN_ON’s message on any line of it', () => {
    const sw = codeAt(example('history-674c242c9323'), 'v6.13', 4).find(
      (b) => b.name === 'fpsimd_thread_switch',
    )!;
    expect(sw.lines.find((l) => l.text.trim() === '} else fpsimd_save_user_state(k);')?.kernel).toBe(
      'fpsimd_save_user_state()',
    );
    const bind = codeAt(example('guest-first-fp'), 'v4.18', 5)
      .flatMap((b) => b.lines)
      .filter((l) => l.text.trim() === 'WARN_ON(');
    expect(bind.length).toBeGreaterThan(0);
    expect(bind[0].kernel).toBe('fpsimd_bind_state_to_cpu() with IRQs enabled outside softirq');
  });
});
