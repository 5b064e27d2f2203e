// Builds the Promela model of a machine configuration and variant: the declarations and the event
// alphabet are generated from the engine's own definitions (config, Era.fields, Era.ablatable,
// eventAlphabet); the kernel functions come from the era's Promela module (PROMELA_ERAS).
import { buildConfig, type MachineConfig } from '../config';
import type { Era } from '../era';
import { CLASSIC_OPS, eventAlphabet } from '../explore/alphabet';
import { VIOLATION_KINDS, type Scenario } from '../types';
import { ERAS, type Variant } from '../variants';
import type { PromelaEra } from './era';
import { EVENTS_PML, PROMELA_OPS } from './events.pml';
import { GHOST_PML } from './ghost.pml';
import { MAINLINE_PML } from './mainline.pml';
import { V4_17_PML } from './v4_17.pml';
import { V4_18_PML } from './v4_18.pml';
import { V6_13_PML } from './v6_13.pml';

/** One Promela module per engine era. Adding an era is adding its module here. */
export const PROMELA_ERAS: readonly PromelaEra[] = [V4_17_PML, V4_18_PML, V6_13_PML, MAINLINE_PML];

/** The hooks every era module defines as `era_<name>`: the function-valued members of an Era. */
export function eraHooks(era: Era): string[] {
  return Object.entries(era)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k);
}

/**
 * The Promela model knows the first eleven ops only (CLASSIC_OPS): the Spin cross-check runs the
 * explorer with the same ops. Kernel-mode NEON sections and task lifecycle events are checked by the
 * explorer and the example tests, not yet by Spin.
 */
export const PROMELA_ALPHABET = CLASSIC_OPS;

/** Era hooks that only the section and lifecycle ops call, so no Promela event body needs them. */
export const LIFECYCLE_HOOKS: readonly string[] = [
  'fpsimd_preserve_current_state',
  'fpsimd_update_current_state',
  'fpsimd_flush_thread',
  'fpsimd_flush_task_state',
  'cpu_pm_enter',
];

/** Ablations of statements only the section and lifecycle ops reach: the Promela alphabet never does. */
export const LIFECYCLE_ABLATIONS: readonly string[] = [
  'signal-save',
  'sigreturn-bind',
  'exec-flush',
  'ptrace-flush',
  'pm-flush',
];

/** Hooks some Promela text calls as era_<hook>(...) (not counting their definitions). */
function calledHooks(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/(inline\s+)?\bera_(\w+)\(/g)) if (!m[1]) out.add(m[2]);
  return out;
}

/** ABL_CTXSYNC_BIND for the ablation 'ctxsync-bind'. */
export const ablationMacro = (name: string): string => `ABL_${name.replace(/-/g, '_').toUpperCase()}`;

/** What the Promela model lacks to model this variant on this machine, in words; empty when nothing. */
export function promelaGaps(cfg: MachineConfig, variant: Variant): string[] {
  const gaps: string[] = [];
  const pe = PROMELA_ERAS.find((p) => p.id === variant.era.id);
  if (!pe) return [`era ${variant.era.id} has no Promela module (src/engine/promela/, PROMELA_ERAS)`];
  // Historic variants undo a fix by fixed(k, COMMIT) tests the Promela modules do not transcribe.
  if (variant.historic !== null)
    return [`historic variant ${variant.id} is not modelled in Promela (excluded from the Spin agreement)`];
  const text = [...pe.uses, pe.text].join('\n');
  const called = calledHooks([EVENTS_PML, GHOST_PML, ...pe.uses, pe.text]);
  for (const h of eraHooks(variant.era)) {
    if (called.has(h)) {
      if (!text.includes(`inline era_${h}(`)) gaps.push(`era ${pe.id}'s Promela module has no era_${h}`);
    } else if (!LIFECYCLE_HOOKS.includes(h))
      gaps.push(`era hook ${h} is called by no Promela event body and is not in LIFECYCLE_HOOKS`);
  }
  for (const f of variant.era.fields)
    if (!text.includes(f.name)) gaps.push(`era ${pe.id}'s Promela module never uses its field ${f.name}`);
  for (const a of variant.era.ablatable)
    if (!LIFECYCLE_ABLATIONS.includes(a.name) && !text.includes(`ON(${ablationMacro(a.name)})`))
      gaps.push(`era ${pe.id}'s Promela module has no ON(${ablationMacro(a.name)}) (ablation ${a.name})`);
  const ops = new Set(eventAlphabet(cfg, PROMELA_ALPHABET).map((e) => e.op));
  for (const op of ops)
    if (!PROMELA_OPS[op]) gaps.push(`op ${op} has no Promela counterpart (events.pml.ts)`);
  return gaps;
}

const list = (xs: readonly number[]): string => xs.join(', ');

/** A macro over x built as a chain of conditional expressions; `fallback` when nothing matches. */
function lookup(name: string, pairs: [number, number][], fallback: number): string {
  const body = pairs.reduceRight((acc, [k, v]) => `((x) == ${k} -> ${v} : ${acc})`, String(fallback));
  return `#define ${name}(x) ${body}`;
}

function declarations(cfg: MachineConfig, variant: Variant, depth: number): string {
  const n = cfg.contexts.length;
  const vcpus = cfg.contexts.flatMap((c, i) =>
    c.kind === 'vcpu' ? [[c.partner, i] as [number, number]] : [],
  );
  const kthreads = cfg.contexts.flatMap((c, i) => (c.kind === 'kthread' ? [i] : []));
  const ablations = [...new Set(ERAS.flatMap((e) => e.ablatable.map((a) => a.name)))];
  const isKthread = kthreads.length ? kthreads.map((k) => `(x) == ${k}`).join(' || ') : '0';
  const notCurrent = Array.from({ length: cfg.cpus }, (_, c) => `current[${c}] != (t)`).join(' && ');
  const out = [
    `#ifndef DEPTH`,
    `#define DEPTH ${depth}`,
    `#endif`,
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
    ``,
    `/* Contexts (storage index = context index; then one host context per CPU):`,
    ...cfg.contexts.map(
      (c, i) => ` *   ${i} ${c.id} (${c.kind}${c.partner >= 0 ? `, partner ${c.partner}` : ''})`,
    ),
    ` */`,
    lookup('VCPU_OF', vcpus, -1),
    lookup(
      'HOST_OF',
      vcpus.map(([t, v]) => [v, t]),
      -1,
    ),
    `#define IS_KTHREAD(x) (${isKthread})`,
    `#define NOT_CURRENT(t) (${notCurrent})`,
    ``,
    `/* Ablations of every era; this model removes ${variant.ablation ?? 'none'}. */`,
    ...ablations.map((a, i) => `#define ${ablationMacro(a)} ${i + 1}`),
    `#define ABLATION ${variant.ablation ? ablationMacro(variant.ablation) : 0}`,
    `#define ON(s) (ABLATION != (s))`,
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
    `bool in_run[NVCPU];`,
    `bool mapped[NVCPU];`,
  ];
  for (const f of variant.era.fields) {
    out.push(`byte ${f.name}[${f.scope === 'cpu' ? 'NCPU' : 'NVCPU'}];`);
    f.values?.forEach((v, i) => out.push(`#define ${v} ${i}`));
  }
  out.push(
    ``,
    `/* Per step: the event's CPU (smp_processor_id()) and softirq_count(). */`,
    `hidden byte cpu;`,
    `hidden byte bh;`,
    `${depth < 255 ? 'byte' : 'short'} steps;`,
  );
  return out.join('\n');
}

/** The Promela name of a violation flag: stale_read_3 for a stale read of context 3, _none for none. */
export const violationFlag = (kind: string, ctx: number | null): string =>
  `${kind.replace(/-/g, '_')}_${ctx === null || ctx < 0 ? 'none' : ctx}`;

/**
 * report_<kind>(ctx) marks the violation pending in a per-kind bit mask (bit ctx + 1; bit 0 for no
 * context); report_pending(), at the end of each event, asserts one flag per kind and context, so that
 * pan's message names both. Asserting at the end rather than in place keeps the verifier small to
 * compile: the flags are expanded once per event instead of once per call of the checker.
 */
function reports(cfg: MachineConfig): string {
  if (cfg.contexts.length > 30) throw new Error('the Promela model supports at most 30 contexts');
  const out = [
    ``,
    `/* ---- Violations: one flag per kind and context, set only for the assertion that reports it, */`,
    `/* so that pan prints e.g. "assertion violated !(stale_read_3)" (context 3 read stale data). */`,
  ];
  const ctxs = [...cfg.contexts.keys(), -1];
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

/** The initial state of formats.md, and one guarded atomic step per event of the explorer's alphabet. */
function driver(cfg: MachineConfig, variant: Variant): string {
  const init: string[] = [];
  for (let c = 0; c < cfg.cpus; c++) {
    const cur = cfg.start[c];
    init.push(`current[${c}] = ${cur}; mode[${c}] = ${cur < 0 ? 'IDLE' : 'KERNEL'}; last_state[${c}] = -1;`);
    init.push(`reg_owner[${c}] = NOTHING;`);
  }
  for (let t = 0; t < cfg.nTasks; t++) init.push(`fpsimd_cpu[${t}] = -1; foreign[${t}] = 1;`);
  for (let s = 0; s < cfg.nStorages; s++) {
    const has = s < cfg.contexts.length && cfg.contexts[s].kind !== 'kthread';
    init.push(`mem_owner[${s}] = ${has ? s : 'NOTHING'}; mem_new[${s}] = ${has ? 1 : 0};`);
  }
  for (const f of variant.era.fields) {
    const count = f.scope === 'cpu' ? cfg.cpus : cfg.contexts.length - cfg.nTasks;
    for (let i = 0; i < count; i++) init.push(`${f.name}[${i}] = ${f.initial};`);
  }
  const events = eventAlphabet(cfg, PROMELA_ALPHABET).map((ev) => {
    const op = PROMELA_OPS[ev.op];
    if (!op) throw new Error(`op ${ev.op} has no Promela counterpart`);
    const task = ev.task === undefined ? [] : [cfg.byId.get(ev.task) as number];
    const guard = `${op.guard}(${list([ev.cpu, ...task])})`;
    const what = `cpu${ev.cpu} ${ev.op}${ev.task ? ` ${ev.task}` : ''}`;
    const body = `cpu = ${ev.cpu}; bh = 0; ${op.body}(${list(task)}); report_pending(); steps++`;
    return `  :: d_step { steps < DEPTH && ${guard} -> ${body} } /* ${what} */`;
  });
  return [
    `init {`,
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

export interface PromelaOptions {
  /** Longest event sequence explored (the explorer's depth). */
  depth: number;
}

/** The Promela model; throws, naming what is missing, if the Promela side lacks part of the variant. */
export function promelaModel(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: PromelaOptions,
): string {
  const cfg = buildConfig(sc);
  const gaps = promelaGaps(cfg, variant);
  if (gaps.length) throw new Error(`cannot write a Promela model of ${variant.id}: ${gaps.join('; ')}`);
  const pe = PROMELA_ERAS.find((p) => p.id === variant.era.id) as PromelaEra;
  return [
    `/* fpsimd-viz model of variant ${variant.id}, every event sequence of at most DEPTH events.`,
    ` * Written by 'fpsimd-viz export --promela'. Check it with:`,
    ` *   spin -a model.pml && cc -O1 -DSAFETY -o pan pan.c && ./pan -c0`,
    ` * Each violation is an assertion naming its kind (stale_read, lost_update, leak, kernel_warning)`,
    ` * and the context's number (listed below), e.g. !(lost_update_3). */`,
    declarations(cfg, variant, opts.depth),
    reports(cfg),
    GHOST_PML,
    ...pe.uses,
    pe.text,
    EVENTS_PML,
    driver(cfg, variant),
    '',
  ].join('\n');
}
