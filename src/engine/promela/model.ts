// Builds the Promela model of a machine configuration and variant: the declarations and the event
// alphabet are generated from the engine's own definitions (declare.ts); the kernel functions come
// from the era's Promela module (PROMELA_ERAS), the event bodies from events.pml.ts.
import { buildConfig, type MachineConfig } from '../config';
import type { Era } from '../era';
import { DEFAULT_MAX_SIGNAL_FRAMES, EXPLORER_OPS, eventAlphabet } from '../explore/alphabet';
import { preFix } from '../history/types';
import type { Op, Scenario } from '../types';
import type { Variant } from '../variants';
import { ablationMacro, declarations, driver, reports, RUNTIME_ENV } from './declare';
import type { PromelaEra } from './era';
import { EVENTS_PML, PROMELA_OPS } from './events.pml';
import { GHOST_PML } from './ghost.pml';
import { V4_17_PML } from './v4_17.pml';
import { V4_18_PML } from './v4_18.pml';
import { V6_13_PML } from './v6_13.pml';
import { V6_15_PML } from './v6_15.pml';
import { V6_16_PML } from './v6_16.pml';

/** One Promela module per engine era. Adding an era is adding its module here. */
export const PROMELA_ERAS: readonly PromelaEra[] = [V4_17_PML, V4_18_PML, V6_13_PML, V6_15_PML, V6_16_PML];

/** The Era hooks only SVE machines call (era.ts). */
export const SVE_HOOKS = [
  'syscall_entry',
  'syscall_exit',
  'do_sve_acc',
  'sve_set_current_vl',
  'sve_set_common',
  'sve_get_common',
  'setup_sigframe_fp',
  'sve_sync_to_fpsimd',
  'sve_sync_from_fpsimd_zeropad',
] as const;

/** The hooks every era module defines as `era_<name>`: the function-valued members of an Era. */
export function eraHooks(era: Era): string[] {
  return Object.entries(era)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k);
}

/**
 * What the Promela model leaves out: SVE machines ("sve": true) altogether. No SVE op (user_sve,
 * do_sve_acc, prctl_set_vl, ptrace_setsve, ptrace_getsve, guest_zcr), no SVE state (TIF_SVE, fp_type,
 * vector lengths, EL0 SVE, in_syscall, the pending SVE trap, the era's SVE fields, the H part of the
 * ghost and sve_state's copies), none of the era hooks only SVE machines call (these), and no SVE bug
 * (historic variants of SVE fixes, Era.releaseBugs). Export refuses SVE machines and SVE historic
 * variants; the explorer checks them (docs/explorer.md, "Cross-check with Spin").
 */
export const PROMELA_SVE_HOOKS: readonly string[] = SVE_HOOKS;

/** The variants the Promela model covers: every variant but the historic variants of SVE fixes. */
export const promelaCovers = (v: Variant): boolean => v.historic?.sve !== true;

/**
 * The ops the Promela model knows: every op of the engine, as the explorer explores by default
 * (EXPLORER_OPS). A model of fewer ops (e.g. CLASSIC_OPS) is written with the `ops` option.
 */
export const PROMELA_ALPHABET: readonly Op[] = EXPLORER_OPS;

/** What the Promela model lacks to model this variant on this machine, in words; empty when nothing. */
export function promelaGaps(
  cfg: MachineConfig,
  variant: Variant,
  ops: readonly Op[] = PROMELA_ALPHABET,
): string[] {
  const gaps: string[] = [];
  if (!promelaCovers(variant))
    return [
      `${variant.id} is an SVE bug, and the Promela model leaves out SVE (explore it with fpsimd-viz check)`,
    ];
  const pe = PROMELA_ERAS.find((p) => p.id === variant.era.id);
  if (!pe) return [`era ${variant.era.id} has no Promela module (src/engine/promela/, PROMELA_ERAS)`];
  const own = [...pe.uses, pe.text].join('\n');
  // Ablated and historic statements may stand in the era's functions or in the shared event bodies.
  const text = `${own}\n${EVENTS_PML}`;
  // An FPSIMD-only machine never runs an era's SVE hooks, fields or SVE historic fixes.
  for (const h of eraHooks(variant.era))
    if (!PROMELA_SVE_HOOKS.includes(h) && !own.includes(`inline era_${h}(`))
      gaps.push(`era ${pe.id}'s Promela module has no era_${h}`);
  for (const f of variant.era.fields)
    if (!f.sve && !own.includes(f.name))
      gaps.push(`era ${pe.id}'s Promela module never uses its field ${f.name}`);
  for (const a of variant.era.ablatable)
    if (!text.includes(`ON(${ablationMacro(a.name)})`))
      gaps.push(`era ${pe.id}'s Promela module has no ON(${ablationMacro(a.name)}) (ablation ${a.name})`);
  for (const h of variant.era.historic ?? []) {
    if (h.sve) continue;
    const m = ablationMacro(preFix(h.commit));
    if (!text.includes(`FIXED(${m})`))
      gaps.push(`era ${pe.id}'s Promela module has no FIXED(${m}) (historic fix ${h.commit})`);
  }
  const used = new Set(eventAlphabet(cfg, ops).map((e) => e.op));
  for (const op of used)
    if (!PROMELA_OPS[op]) gaps.push(`op ${op} has no Promela counterpart (events.pml.ts)`);
  return gaps;
}

/** A comment's text as lines of at most about 100 characters, each starting with " * ". */
function wrap(text: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length > 96) {
      out.push(` * ${line}`);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(` * ${line}`);
  return out;
}

export interface PromelaOptions {
  /** Longest event sequence explored (the explorer's depth). */
  depth: number;
  /** The ops of the alphabet (default: every op, PROMELA_ALPHABET). */
  ops?: readonly Op[];
  /** Pending signal frames per task at most (default: the explorer's, DEFAULT_MAX_SIGNAL_FRAMES). */
  maxSignalFrames?: number;
  /**
   * Read the variant (its ablationNumber), the depth and the ops tried (opsMask, within `ops`) from
   * the environment when pan starts (RUNTIME_ENV), so that one compiled verifier checks every
   * variant of the era: the statements are the same, only ABLATION, DEPTH and the set of ops stop
   * being constants. Default false.
   */
  runtime?: boolean;
}

/** The Promela model; throws, naming what is missing, if the Promela side lacks part of the variant. */
export function promelaModel(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: PromelaOptions,
): string {
  const cfg = buildConfig(sc);
  const ops = opts.ops ?? PROMELA_ALPHABET;
  const runtime = opts.runtime ?? false;
  const shape = { depth: opts.depth, maxFrames: opts.maxSignalFrames ?? DEFAULT_MAX_SIGNAL_FRAMES, runtime };
  const gaps = promelaGaps(cfg, variant, ops);
  if (gaps.length) throw new Error(`cannot write a Promela model of ${variant.id}: ${gaps.join('; ')}`);
  const pe = PROMELA_ERAS.find((p) => p.id === variant.era.id) as PromelaEra;
  return [
    `/* fpsimd-viz model of variant ${variant.id}, every event sequence of at most DEPTH events`,
    ...wrap(`of the ops ${ops.join(', ')}; at most MAX_SIGNAL_FRAMES pending signal frames per task.`),
    ...(runtime
      ? [
          ...wrap(
            `ABLATION, DEPTH and the ops tried are read from the environment when pan starts (${Object.values(RUNTIME_ENV).join(', ')}); the variant named here is only the era's.`,
          ),
        ]
      : []),
    ` * Written by 'fpsimd-viz export --promela'. Check it with:`,
    ` *   spin -a model.pml && cc -O1 -DSAFETY -o pan pan.c && ./pan -c0`,
    ` * Each violation is an assertion naming its kind (stale_read, lost_update, leak, kernel_warning)`,
    ` * and the owner's number (listed below), e.g. !(lost_update_3). */`,
    declarations(cfg, variant, shape),
    reports(cfg),
    GHOST_PML,
    ...pe.uses,
    pe.text,
    EVENTS_PML,
    driver(cfg, variant, ops, runtime),
    '',
  ].join('\n');
}
