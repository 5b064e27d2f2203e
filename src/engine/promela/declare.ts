// The generated parts of the Promela model: the machine's declarations and initial state, the
// violation flags, and the event loop, all from the engine's own definitions (config, Era.fields,
// Era.ablatable, Era.historic, eventAlphabet).
import { kernelOwner, kernelStorage, ownerName, type MachineConfig } from '../config';
import { eventAlphabet } from '../explore/alphabet';
import { preFix } from '../history/types';
import { OPS, VIOLATION_KINDS, type Op } from '../types';
import { ERAS, type Variant } from '../variants';
import { PROMELA_OPS } from './events.pml';

const list = (xs: readonly number[]): string => xs.join(', ');

/** ABL_CTXSYNC_BIND for the ablation 'ctxsync-bind'; PRE_E92BEE9F861B for 'pre-e92bee9f861b'. */
export const ablationMacro = (name: string): string =>
  name.startsWith('pre-')
    ? name.replace(/-/g, '_').toUpperCase()
    : `ABL_${name.replace(/-/g, '_').toUpperCase()}`;

/** Every statement name any variant removes or reverts: every era's ablations and historic fixes. */
export function variantStatements(): string[] {
  const names = ERAS.flatMap((e) => [
    ...e.ablatable.map((a) => a.name),
    ...(e.historic ?? []).map((h) => preFix(h.commit)),
  ]);
  return [...new Set(names)];
}

/** The machine's owners of FP data by index: its contexts, then each task's kernel-mode data. */
export function promelaOwners(cfg: MachineConfig): string[] {
  return Array.from({ length: cfg.contexts.length + cfg.nTasks }, (_, o) => ownerName(cfg, o));
}

/** A macro over x built as a chain of conditional expressions; `fallback` when nothing matches. */
function lookup(name: string, pairs: [number, number][], fallback: number): string {
  const body = pairs.reduceRight((acc, [k, v]) => `((x) == ${k} -> ${v} : ${acc})`, String(fallback));
  return `#define ${name}(x) ${body}`;
}

/**
 * The number the model gives the variant's ablated or reverted statement (ABLATION): 0 for none. A
 * model written with `runtime` reads it, the depth and the ops from the environment when pan starts.
 */
export function ablationNumber(variant: Variant): number {
  return variant.ablation === null ? 0 : variantStatements().indexOf(variant.ablation) + 1;
}

/** The environment variables a `runtime` model reads when pan starts. */
export const RUNTIME_ENV = { ablation: 'FPSIMD_ABLATION', depth: 'FPSIMD_DEPTH', ops: 'FPSIMD_OPS' } as const;

/** A runtime model's FPSIMD_OPS: bit i for OPS[i]. */
export const opsMask = (ops: readonly Op[]): number => ops.reduce((m, op) => m | (1 << OPS.indexOf(op)), 0);

export interface Shape {
  depth: number;
  maxFrames: number;
  /** ABLATION, DEPTH and the ops tried from the environment (RUNTIME_ENV) instead of constants. */
  runtime: boolean;
}

export function declarations(cfg: MachineConfig, variant: Variant, shape: Shape): string {
  const { depth, maxFrames, runtime } = shape;
  const n = cfg.contexts.length;
  const vcpus = cfg.contexts.flatMap((c, i) =>
    c.kind === 'vcpu' ? [[c.partner, i] as [number, number]] : [],
  );
  const kthreads = cfg.contexts.flatMap((c, i) => (c.kind === 'kthread' ? [i] : []));
  const isKthread = kthreads.length ? kthreads.map((k) => `(x) == ${k}`).join(' || ') : '0';
  const notCurrent = Array.from({ length: cfg.cpus }, (_, c) => `current[${c}] != (t)`).join(' && ');
  const bound = runtime
    ? [
        `/* Chosen when pan starts (${Object.values(RUNTIME_ENV).join(', ')}): one verifier, every variant of the era. */`,
        `hidden byte ablation_v;`,
        `hidden byte depth_v;`,
        `hidden int ops_v;`,
        `#define DEPTH depth_v`,
        `/* Whether OPS[i] (src/engine/types.ts) is tried. */`,
        `#define OP_ON(i) ((ops_v >> (i)) & 1)`,
      ]
    : [`#ifndef DEPTH`, `#define DEPTH ${depth}`, `#endif`];
  const out = [
    ...bound,
    `#define NCPU ${cfg.cpus}`,
    `#define NTASK ${cfg.nTasks}`,
    `#define NCTX ${n}`,
    `#define NSTOR ${cfg.nStorages}`,
    `#define NVCPU ${Math.max(1, n - cfg.nTasks)}`,
    `#define NOTHING (-1)`,
    `#define SCRATCH (-2)`,
    `#define USER 0`,
    `#define KERNEL 1`,
    `#define GUEST 2`,
    `#define IDLE 3`,
    `/* The explorer's bound on pending signal frames per task (maxSignalFrames): signal beyond it is illegal. */`,
    `#define MAX_SIGNAL_FRAMES ${maxFrames}`,
    ``,
    `/* Owners of FP data (storage index = context index; then one host context per CPU; then each task's`,
    ` * kernel-mode state, KSTOR(t), whose data is owner KOWNER(t)):`,
    ...promelaOwners(cfg).map((id, i) => {
      const c = cfg.contexts[i] as (typeof cfg.contexts)[number] | undefined;
      return ` *   ${i} ${id}${c ? ` (${c.kind}${c.partner >= 0 ? `, partner ${c.partner}` : ''})` : ''}`;
    }),
    ` */`,
    lookup('VCPU_OF', vcpus, -1),
    lookup(
      'HOST_OF',
      vcpus.map(([t, v]) => [v, t]),
      -1,
    ),
    `#define IS_KTHREAD(x) (${isKthread})`,
    `#define NOT_CURRENT(t) (${notCurrent})`,
    `#define KOWNER(t) (${kernelOwner(cfg, 0)} + (t))`,
    `#define KSTOR(t) (${kernelStorage(cfg, 0)} + (t))`,
    ``,
    `/* Ablations and historic fixes of every era; this model removes ${runtime ? `the one numbered ${RUNTIME_ENV.ablation}` : (variant.ablation ?? 'none')}. */`,
    ...variantStatements().map((a, i) => `#define ${ablationMacro(a)} ${i + 1}`),
    runtime
      ? `#define ABLATION ablation_v`
      : `#define ABLATION ${variant.ablation ? ablationMacro(variant.ablation) : 0}`,
    `#define ON(s) (ABLATION != (s))`,
    `/* FIXED(PRE_x): the fixed code runs, unless this is the historic variant before fix x. */`,
    `#define FIXED(s) (ABLATION != (s))`,
    `/* 751ecf6afd65 has two variants: v6.15's FPSIMD analogue (fpr_set()) and v6.13's SVE one (kctx.ts: analogue()). */`,
    `#define ANALOGUE_751ECF6AFD65 ${variant.era.historic?.some((h) => h.commit === '751ecf6afd65' && h.analogue) ? 1 : 0}`,
    ``,
    `/* ---- Kernel state (src/engine/state.ts) ---- */`,
    `short current[NCPU];`,
    `byte mode[NCPU];`,
    `bool irqs_off[NCPU];`,
    `bool fp_trap[NCPU];`,
    `short last_state[NCPU];`,
    `bool neon_busy[NCPU];`,
    `short fpsimd_cpu[NTASK];`,
    `bool foreign[NTASK];`,
    `/* The model's record of an open kernel-mode NEON section, and pending signal frames. */`,
    `bool section[NTASK];`,
    `byte frames[NTASK];`,
    `/* TIF_KERNEL_FPSTATE and thread.kernel_fpsimd_cpu (v6.13 and later). */`,
    `bool kernel_fpstate[NTASK];`,
    `short kernel_fpsimd_cpu[NTASK];`,
    `bool in_run[NVCPU];`,
    `bool mapped[NVCPU];`,
  ];
  // The era's SVE fields are left out with the rest of SVE (model.ts: PROMELA_SVE_HOOKS).
  for (const f of variant.era.fields.filter((x) => !x.sve)) {
    out.push(`byte ${f.name}[${f.scope === 'cpu' ? 'NCPU' : 'NVCPU'}];`);
    f.values?.forEach((v, i) => out.push(`#define ${v} ${i}`));
  }
  out.push(
    ``,
    `/* Per step: the event's CPU (smp_processor_id()) and softirq_count(). */`,
    `hidden byte cpu;`,
    `hidden byte bh;`,
    `${runtime || depth < 255 ? 'byte' : 'short'} steps;`,
  );
  return out.join('\n');
}

/** The Promela name of a violation flag: stale_read_3 for a stale read of owner 3, _none for none. */
export const violationFlag = (kind: string, owner: number | null): string =>
  `${kind.replace(/-/g, '_')}_${owner === null || owner < 0 ? 'none' : owner}`;

/**
 * report_<kind>(owner) marks the violation pending in a per-kind bit mask (bit owner + 1; bit 0 for
 * none); report_pending(), at the end of each event, asserts one flag per kind and owner, so that
 * pan's message names both. Asserting at the end rather than in place keeps the verifier small to
 * compile: the flags are expanded once per event instead of once per call of the checker.
 */
export function reports(cfg: MachineConfig): string {
  const owners = promelaOwners(cfg).length;
  if (owners > 30) throw new Error(`the Promela model supports at most 30 owners of FP data, not ${owners}`);
  const out = [
    ``,
    `/* ---- Violations: one flag per kind and owner, set only for the assertion that reports it, */`,
    `/* so that pan prints e.g. "assertion violated !(stale_read_3)" (owner 3 read stale data). */`,
  ];
  const ctxs = [...Array(owners).keys(), -1];
  const check: string[] = [];
  for (const kind of VIOLATION_KINDS) {
    const k = kind.replace(/-/g, '_');
    const flags = ctxs.map((c) => violationFlag(kind, c));
    out.push(`hidden int pending_${k};`, `hidden byte ${flags.join(', ')};`);
    out.push(`inline report_${k}(ctx) { pending_${k} = pending_${k} | (1 << ((ctx) + 1)) }`);
    check.push(`  if`, `  :: pending_${k} != 0 ->`);
    ctxs.forEach((c, i) => {
      const f = flags[i];
      check.push(
        `     if :: pending_${k} & ${1 << (c + 1)} -> ${f} = 1; assert(!${f}); ${f} = 0 :: else fi;`,
      );
    });
    check.push(`     pending_${k} = 0`, `  :: else`, `  fi;`);
  }
  check[check.length - 1] = '  fi';
  out.push(`inline report_pending() {`, ...check, `}`);
  return out.join('\n');
}

/** The initial state of docs/formats.md, and one guarded atomic step per event of the explorer's alphabet. */
export function driver(cfg: MachineConfig, variant: Variant, ops: readonly Op[], runtime: boolean): string {
  const init: string[] = [];
  const { ablation, depth, ops: opsEnv } = RUNTIME_ENV;
  const choose = runtime
    ? [
        `  c_code {`,
        `    if (!getenv("${ablation}") || !getenv("${depth}") || !getenv("${opsEnv}")) {`,
        `      fprintf(stderr, "set ${ablation} (the variant's number), ${depth} and ${opsEnv} (a mask of ops)\\n");`,
        `      exit(2);`,
        `    }`,
        `    ablation_v = atoi(getenv("${ablation}"));`,
        `    depth_v = atoi(getenv("${depth}"));`,
        `    ops_v = atoi(getenv("${opsEnv}"));`,
        `  };`,
      ]
    : [];
  for (let c = 0; c < cfg.cpus; c++) {
    const cur = cfg.start[c];
    init.push(`current[${c}] = ${cur}; mode[${c}] = ${cur < 0 ? 'IDLE' : 'KERNEL'}; last_state[${c}] = -1;`);
    init.push(`reg_owner[${c}] = NOTHING;`);
  }
  for (let t = 0; t < cfg.nTasks; t++)
    init.push(`fpsimd_cpu[${t}] = -1; foreign[${t}] = 1; kernel_fpsimd_cpu[${t}] = -1;`);
  for (let s = 0; s < cfg.nStorages; s++) {
    const has = s < cfg.contexts.length && cfg.contexts[s].kind !== 'kthread';
    init.push(`mem_owner[${s}] = ${has ? s : 'NOTHING'}; mem_new[${s}] = ${has ? 1 : 0};`);
  }
  for (const f of variant.era.fields.filter((x) => !x.sve)) {
    const count = f.scope === 'cpu' ? cfg.cpus : cfg.contexts.length - cfg.nTasks;
    for (let i = 0; i < count; i++) init.push(`${f.name}[${i}] = ${f.initial};`);
  }
  const events = eventAlphabet(cfg, ops).map((ev) => {
    const op = PROMELA_OPS[ev.op];
    if (!op) throw new Error(`op ${ev.op} has no Promela counterpart`);
    const task = ev.task === undefined ? [] : [cfg.byId.get(ev.task) as number];
    const on = runtime ? `OP_ON(${OPS.indexOf(ev.op)}) && ` : '';
    const guard = `${on}${op.guard}(${list([ev.cpu, ...task])})`;
    const what = `cpu${ev.cpu} ${ev.op}${ev.task ? ` ${ev.task}` : ''}`;
    const body = `cpu = ${ev.cpu}; bh = 0; ${op.body}(${list(task)}); report_pending(); steps++`;
    return `  :: d_step { steps < DEPTH && ${guard} -> ${body} } /* ${what} */`;
  });
  return [
    `init {`,
    ...choose,
    `  d_step {`,
    ...init.map((l) => `    ${l}`),
    `  };`,
    `  /* Every legal event, until DEPTH events have run; a state with none left is a valid end. */`,
    `end:`,
    `  do`,
    ...events,
    `  od`,
    `}`,
  ].join('\n');
}
