// Beside an engine statement, the kernel statement it models, in words: the comment the engine already
// keeps beside it (`// local_irq_save()`), else a paraphrase of the engine's helper (kctx.ts, ghost.ts)
// or the kernel function it calls. Never the kernel's code itself. Reads the line facts of the engine's
// description (engineCode.ts).
import type { Era } from '../../engine';
import type { FileIndex } from './codeIndex';

const flag = (arg: string | undefined, name: string, on = 'set', off = 'clear'): string =>
  arg === 'true' ? `${on} ${name}` : arg === 'false' ? `${off} ${name}` : `${on} or ${off} ${name}`;

/** Engine helpers that stand for a kernel statement, by their name: args is the text after `k, `. */
const HELPERS: Readonly<Record<string, (args: string[]) => string>> = {
  set_irqs_off: ([off]) =>
    off === 'true' ? 'local_irq_disable()' : off === 'false' ? 'local_irq_enable()' : 'local_irq_restore()',
  set_fp_trap: ([trap]) => flag(trap, 'the FP/SIMD trap (CPTR_EL2.TFP)', 'arm', 'disarm'),
  set_foreign: ([, v]) => flag(v, 'TIF_FOREIGN_FPSTATE'),
  set_kernel_fpstate: ([, v]) => flag(v, 'TIF_KERNEL_FPSTATE'),
  set_neon_busy: ([busy]) => flag(busy, 'this CPU’s kernel_neon_busy'),
  set_last_state: () => 'this CPU’s fpsimd_last_state records whose state the registers hold',
  set_fpsimd_cpu: () => 'the task’s thread.fpsimd_cpu records the CPU holding its registers',
  set_kernel_fpsimd_cpu: () => 'the task’s kernel-mode state records the CPU holding it',
  regsToMemory: () => 'save the FP/SIMD registers to memory',
  memoryToRegs: () => 'load the FP/SIMD registers from memory',
  writeTaskMemory: () => 'write the task’s saved FP state',
  readTaskMemory: () => 'read the task’s saved FP state',
  clobberRegs: () => 'the kernel uses the FP/SIMD registers',
  useRegs: () => 'the running code uses the FP/SIMD registers',
  loseRegs: () => 'the CPU loses its register contents (power down)',
  irqs_disabled: () => 'irqs_disabled()',
  in_softirq: () => 'in_softirq()',
};

/** `set_x(k, FIELD, v, VALUE)` / `get_x(k, FIELD, v)`: the era's field, by its kernel name. */
function fieldText(helper: string, args: string[], era: Era, numbers: Record<string, number>): string | null {
  const num = (name: string): number | undefined =>
    Object.hasOwn(numbers, name) ? numbers[name] : undefined;
  const slot = num(args[0] ?? '') ?? Number(args[0]);
  const field = era.fields[slot];
  if (!field) return null;
  if (helper === 'get_x') return `read ${field.name}`;
  const value = (args[2] ?? '').trim();
  const n = num(value) ?? (/^\d+$/.test(value) ? Number(value) : NaN);
  if (field.values) return `${field.name} = ${field.values[n] ?? value}`;
  return Number.isNaN(n) ? `set or clear ${field.name}` : `${n ? 'set' : 'clear'} ${field.name}`;
}

/** The kernel statement engine line n models, in words, or null (comments, markers, leave). */
export function kernelSide(
  ix: FileIndex,
  n: number,
  era: Era,
  kernelFns: ReadonlySet<string>,
): string | null {
  if (ix.comments.has(n)) return null;
  const f = ix.file.lines[n];
  if (!f) return null;
  if (f.comment) return f.comment;
  if (f.enter) return `${f.enter}() begins`;
  if (f.hook) return `the era’s ${f.hook} (its kernel function below)`;
  if (f.warn) return f.warn;
  if (!f.call) return null;
  const { name, args } = f.call;
  if (name === 'set_x' || name === 'get_x') return fieldText(name, args, era, ix.file.numbers);
  const helper = Object.hasOwn(HELPERS, name) ? HELPERS[name] : undefined;
  if (helper) return helper(args);
  return kernelFns.has(name) ? `${name}()` : null;
}
