// Beside an engine statement, the kernel statement it models, in words: the comment the engine already
// keeps beside it (`// local_irq_save()`), else a paraphrase of the engine's helper (kctx.ts, ghost.ts)
// or the kernel function it calls. Never the kernel's code itself.
import type { Era } from '../../engine';
import { isComment, type Parsed } from './engineSource';

const HELPER_RE = /^\s*(?:if \(|return |const \w+ = )?!?(\w+)\(k\b(?:,\s*([^)]*))?\)/;
const ENTER_RE = /\benter\(k,\s*'(\w+)'/;
const HOOK_RE = /\beraHook\(k,\s*\w+,\s*'(\w+)'\)/;
const WARN_RE = /\bWARN_ON\(\s*k,[^']*'([^']+)'/;

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

/** The text of a `//` comment after code on the line (quotes in the code skipped), or null. */
export function trailingComment(line: string): string | null {
  let quote: string | null = null;
  for (let j = 0; j < line.length; j++) {
    const ch = line[j];
    if (quote) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '/' && line[j + 1] === '/') return line.slice(j + 2).trim() || null;
  }
  return null;
}

/** `set_x(k, FIELD, v, VALUE)` / `get_x(k, FIELD, v)`: the era's field, by its kernel name. */
function fieldText(helper: string, args: string[], era: Era, p: Parsed): string | null {
  const slot = p.numbers.get(args[0] ?? '') ?? Number(args[0]);
  const field = era.fields[slot];
  if (!field) return null;
  if (helper === 'get_x') return `read ${field.name}`;
  const value = (args[2] ?? '').trim();
  const n = p.numbers.get(value) ?? (/^\d+$/.test(value) ? Number(value) : NaN);
  if (field.values) return `${field.name} = ${field.values[n] ?? value}`;
  return Number.isNaN(n) ? `set or clear ${field.name}` : `${n ? 'set' : 'clear'} ${field.name}`;
}

/** The kernel statement engine line i of p models, in words, or null (comments, markers, leave). */
export function kernelSide(p: Parsed, i: number, era: Era, kernelFns: ReadonlySet<string>): string | null {
  const line = p.lines[i];
  if (isComment(line) || line.trim() === '') return null;
  const comment = trailingComment(line);
  if (comment) return comment;
  const entry = ENTER_RE.exec(line);
  if (entry) return `${entry[1]}() begins`;
  const hook = HOOK_RE.exec(line);
  if (hook) return `the era’s ${hook[1]} (its kernel function below)`;
  const warn = WARN_RE.exec(line);
  if (warn) return warn[1];
  const call = HELPER_RE.exec(line);
  if (!call) return null;
  const [, name, rest] = call;
  const args = (rest ?? '').split(',').map((a) => a.trim());
  if (name === 'set_x' || name === 'get_x') return fieldText(name, args, era, p);
  const helper = HELPERS[name];
  if (helper) return helper(args);
  return kernelFns.has(name) ? `${name}()` : null;
}
