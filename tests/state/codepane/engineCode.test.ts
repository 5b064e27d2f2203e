// The description of the engine's kernel code (scripts/engineCode/describe.ts), as the build makes it.
import path from 'node:path';
import engineCode from 'virtual:engine-code';
import { describe, expect, it } from 'vitest';
import { describeEngine } from '../../../scripts/engineCode/describe';
import { engineSources } from '../../../scripts/engineCode/plugin';
import { ERAS } from '../../../src/engine';
import { codeSources } from '../../../src/state/codepane/codeModel';
import { ROOT_DIR, unitOf } from './describeHelpers';

describe('the engine code module', () => {
  it('is the description of every engine file, eras first, drivers last', () => {
    expect(engineCode).toEqual(describeEngine(engineSources(ROOT_DIR)));
    const paths = engineCode.files.map((f) => f.path);
    expect(paths).toContain('src/engine/kernel/fpsimd_v4_18.ts');
    expect(paths.slice(-3)).toEqual([
      'src/engine/events.ts',
      'src/engine/lifecycle.ts',
      'src/engine/sveOps.ts',
    ]);
    // Every era has its module, found by the id of its Era object.
    for (const era of ERAS) expect(engineCode.files.filter((f) => f.era?.id === era.id)).toHaveLength(1);
    expect(path.basename(engineCode.files.find((f) => f.era?.id === 'v4.18')!.path)).toBe('v4_18.ts');
  });

  it('takes in a new driver beside events.ts with no list to edit, and searches it for inline calls', () => {
    const sveOps = [
      '/** A driver of new ops. */',
      'export function runSme(k: K): void {',
      "  enter(k, 'el0_sme_acc', 'arch/arm64/kernel/entry-common.c');",
      "  eraHook(k, 'do_sme_acc', 'do_sme_acc')(k);",
      '  leave(k);',
      '}',
    ].join('\n');
    const code = describeEngine([
      ...engineSources(ROOT_DIR),
      { path: 'src/engine/smeOps.ts', text: sveOps },
      { path: 'src/engine/smeLimits.ts', text: 'export const SVL_MAX = 0;' },
    ]);
    const paths = code.files.map((f) => f.path);
    expect(paths).toContain('src/engine/smeOps.ts');
    expect(paths).not.toContain('src/engine/smeLimits.ts');
    expect(paths).not.toContain('src/engine/kctx.ts');
    const files = codeSources('v4.18', code)!.files.map((f) => f.path);
    expect(files.slice(-4)).toEqual([
      'src/engine/events.ts',
      'src/engine/lifecycle.ts',
      'src/engine/sveOps.ts',
      'src/engine/smeOps.ts',
    ]);
  });

  it('names the hooks of an Era object and the functions assigned to them', () => {
    const v417 = engineCode.files.find((f) => f.path === 'src/engine/eras/v4_17.ts')!;
    expect(v417.era).toEqual({ object: 'v4_17', id: 'v4.17' });
    expect(unitOf(v417, '__kvm_vcpu_run_exit').hooks).toEqual(['guest_exit']);
    expect(unitOf(v417, '__fpsimd_guest_restore').hooks).toEqual(['guest_fp_trap']);
    // Shorthand `fpsimd_thread_switch,` is an assignment too.
    const text = [
      "import type { Era } from '../era';",
      'export function fpsimd_thread_switch(k: K): void {}',
      "export const e: Era = { id: 'v0', fpsimd_thread_switch };",
    ].join('\n');
    const [small] = describeEngine([{ path: 'src/engine/eras/e.ts', text }]).files;
    expect(unitOf(small, 'fpsimd_thread_switch').hooks).toEqual(['fpsimd_thread_switch']);
    const method = unitOf(v417, 'v4_17.kvm_run_enter');
    expect(method.method).toBe(true);
    expect(method.hooks).toEqual(['kvm_run_enter']);
    expect(method.enters[0]).toMatchObject({ name: 'vcpu_load', file: 'virt/kvm/kvm_main.c' });
  });

  it('resolves kernel files and commits through module constants, imported ones too', () => {
    const v418 = engineCode.files.find((f) => f.path === 'src/engine/eras/v4_18.ts')!;
    const put = unitOf(v418, 'kvm_arch_vcpu_put_fp');
    expect(put.kernel).toEqual({ name: 'kvm_arch_vcpu_put_fp', file: 'arch/arm64/kvm/fpsimd.c' });
    // b045e4d0f392's two tests, and the SVE fixes of v4.18's put_fp between them.
    expect(put.fixed.map((f) => f.commit)).toEqual([
      'b045e4d0f392',
      '2955bcc8c309',
      'b3eb56b629d1',
      '2955bcc8c309',
      'b045e4d0f392',
    ]);
    expect(put.ons.map((o) => o.name)).toEqual(['put-save', 'put-flush']);
    const host = engineCode.files.find((f) => f.path === 'src/engine/kernel/fpsimd_v6_8.ts')!;
    expect(unitOf(host, 'fpsimd_thread_switch').fixed.map((f) => f.commit)).toEqual(['e92bee9f861b']);
    // A commit imported from the fixes' stories (history/), and a field slot imported from a hyp module.
    const v417host = engineCode.files.find((f) => f.path === 'src/engine/kernel/fpsimd_v4_17.ts')!;
    expect(unitOf(v417host, 'fpsimd_flush_thread').fixed.map((f) => f.commit)).toEqual(['674c242c9323']);
    expect(v418.numbers.FP_HOST).toBe(1);
    const driver = engineCode.files.find((f) => f.path === 'src/engine/events.ts')!;
    const schedule = unitOf(driver, 'runEvent').enters.find((e) => e.name === '__schedule')!;
    expect(schedule).toMatchObject({ case: 'schedule', file: 'kernel/sched/core.c', whole: false });
  });
});

describe('the description of a small module', () => {
  const text = [
    "import type { Era } from '../era';",
    "const FILE = 'kernel/a.c';",
    "const FIX = '0123456789ab';",
    '',
    '/** kernel/a.c: doc. */',
    'export function a(k: K): void {',
    "  enter(k, 'a', FILE);",
    '  if (x) {',
    "    stmt(k, 'one');",
    '    y(k);',
    '    z(k);',
    '  } else {',
    '    w(k); // the kernel statement',
    '  }',
    "  stmt(k, c ? 'two' : 'three');",
    "  enter(k, 'b', FILE);",
    "  if (on(k, 'skip-b') && !fixed(k, FIX)) b(k);",
    '  leave(k);',
    "  enter(k, 'c', 'kernel/c.c'); // a//b 'q'",
    '  leave(k);',
    '  leave(k);',
    '}',
    '',
    'export const sve: Era = {',
    "  id: 'v9.1',",
    '  do_sve_acc(k) {',
    "    enter(k, 'do_sve_acc', FILE);",
    '    leave(k);',
    '  },',
    '  syscall_entry: a,',
    '};',
  ].join('\n');
  const [file] = describeEngine([{ path: 'src/engine/eras/sve.ts', text }]).files;
  const a = unitOf(file, 'a');

  it('finds a function with its doc comment, its enters matched by their leaves', () => {
    expect([a.start, a.head, a.end]).toEqual([5, 6, 22]);
    expect(a.kernel).toEqual({ name: 'a', file: 'kernel/a.c' });
    expect(a.enters.map((e) => [e.name, e.line, e.end, e.file])).toEqual([
      ['a', 7, 21, 'kernel/a.c'],
      ['b', 16, 18, 'kernel/a.c'],
      ['c', 19, 20, 'kernel/c.c'],
    ]);
    expect(a.enters[0].whole).toBe(true);
  });

  it('gives a marker opening a block its block and a bare marker its next statement (a call to its leave)', () => {
    expect(a.stmts).toEqual([
      { labels: ['one'], line: 9, start: 10, end: 11 },
      { labels: ['two', 'three'], line: 15, start: 16, end: 18 },
    ]);
  });

  it('finds ablations and fix tests with the branches they guard', () => {
    expect(a.ons).toEqual([{ name: 'skip-b', line: 17 }]);
    expect(a.fixed).toEqual([
      { commit: '0123456789ab', line: 17, negated: true, then: null, else: null, caseSpan: null },
    ]);
  });

  it('picks up any hook of the Era object, written as a method or assigned', () => {
    expect(file.era).toEqual({ object: 'sve', id: 'v9.1' });
    expect(a.hooks).toEqual(['syscall_entry']);
    expect(unitOf(file, 'sve.do_sve_acc')).toMatchObject({ method: true, hooks: ['do_sve_acc'], start: 26 });
  });

  it('keeps for each line the comment beside the code and the call the line starts with', () => {
    expect(file.lines[13]).toMatchObject({ comment: 'the kernel statement', call: { name: 'w', args: [] } });
    expect(file.lines[19].comment).toBe("a//b 'q'");
    expect(file.lines[19].enter).toBe('c');
    expect(file.lines[17].call).toEqual({ name: 'on', args: ["'skip-b'"] });
    expect(file.commentLines).toEqual([5]);
  });
});
