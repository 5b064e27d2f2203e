// The checker (src/engine/ghost.ts) in Promela: where each owner's data is and whether it is the
// newest version, and where each of the four violation kinds is reported. Copies are kept as
// (owner, newest) pairs, the explorer's abstraction (docs/explorer.md): exact for every violation.
// Owners are the contexts (0 .. NCTX-1), then each task's kernel-mode NEON data (KOWNER(t)).
export const GHOST_PML = `
/* ---- The checker (src/engine/ghost.ts); no kernel function reads these. ---- */
short reg_owner[NCPU];
bool reg_new[NCPU];
short mem_owner[NSTOR];
bool mem_new[NSTOR];
/* Whether TASK.kernel has data (newest >= 0): only between a section's first kernel_fp and its end. */
bool kernel_data[NTASK];

#define IS_KOWNER(o) ((o) >= NCTX)

/* report_<kind>(ctx) marks the violation pending, naming kind and owner (declared above, per machine). */
/* WARN_ON(cond) / BUG_ON(cond) (src/engine/kctx.ts): a kernel warning of the current task. */
inline WARN_ON(cond) { if :: cond -> report_kernel_warning(current[cpu]) :: else fi }

hidden byte g_i;
hidden byte g_other;
/* hasOtherCopy: whether owner's newest data survives somewhere other than the location written. */
inline has_other_copy(owner, skipReg, skipMem) {
  g_other = 0;
  for (g_i : 0 .. NCPU - 1) {
    if :: g_i != skipReg && reg_owner[g_i] == owner && reg_new[g_i] -> g_other = 1 :: else fi
  }
  for (g_i : 0 .. NSTOR - 1) {
    if :: g_i != skipMem && mem_owner[g_i] == owner && mem_new[g_i] -> g_other = 1 :: else fi
  }
}

/* checkOverwrite: lost-update when the location held the only copy of an owner's newest data. */
inline check_overwrite(owner, isNew, newOwner, newNew, reg, mem) {
  if
  :: owner >= 0 && isNew && !(owner == newOwner && isNew == newNew) ->
     has_other_copy(owner, reg, mem);
     if :: !g_other -> report_lost_update(owner) :: else fi
  :: else
  fi
}

/* The owner writes a new version: every copy of its data so far is older. */
inline make_stale(owner) {
  for (g_i : 0 .. NCPU - 1) { if :: reg_owner[g_i] == owner -> reg_new[g_i] = 0 :: else fi }
  for (g_i : 0 .. NSTOR - 1) { if :: mem_owner[g_i] == owner -> mem_new[g_i] = 0 :: else fi }
}

/* regsToMemory: fpsimd_save_state / __fpsimd_save_state, this CPU's registers -> storage st. */
inline regs_to_memory(st) {
  check_overwrite(mem_owner[st], mem_new[st], reg_owner[cpu], reg_new[cpu], -1, st);
  mem_owner[st] = reg_owner[cpu];
  mem_new[st] = reg_new[cpu]
}

/* memoryToRegs: fpsimd_load_state / __fpsimd_restore_state, storage st -> this CPU's registers. */
inline memory_to_regs(st) {
  check_overwrite(reg_owner[cpu], reg_new[cpu], mem_owner[st], mem_new[st], cpu, -1);
  reg_owner[cpu] = mem_owner[st];
  reg_new[cpu] = mem_new[st]
}

/* clobberRegs: kernel-mode NEON leaves scratch data in the registers. */
inline clobber_regs() {
  check_overwrite(reg_owner[cpu], reg_new[cpu], SCRATCH, 0, cpu, -1);
  reg_owner[cpu] = SCRATCH;
  reg_new[cpu] = 0
}

/* useRegs: owner ctx runs FP code here: it must find its own newest data, then writes a newer one. */
inline use_regs(ctx) {
  if
  :: IS_KOWNER(ctx) && !kernel_data[(ctx) - NCTX] -> skip /* a section's first use: nothing to read */
  :: else ->
     if
     :: reg_owner[cpu] == ctx && !reg_new[cpu] -> report_stale_read(ctx)
     :: reg_owner[cpu] < 0 -> report_stale_read(ctx)
     :: reg_owner[cpu] >= 0 && reg_owner[cpu] != ctx -> report_leak(ctx)
     :: else
     fi
  fi;
  /* Superseding one's own data is no loss; overwriting someone else's only copy is. */
  if
  :: reg_owner[cpu] != ctx -> check_overwrite(reg_owner[cpu], reg_new[cpu], ctx, 1, cpu, -1)
  :: else
  fi;
  make_stale(ctx);
  if :: IS_KOWNER(ctx) -> kernel_data[(ctx) - NCTX] = 1 :: else fi;
  reg_owner[cpu] = ctx;
  reg_new[cpu] = 1
}

/* loseRegs: the CPU loses power, its registers' contents are destroyed. */
inline lose_regs() {
  check_overwrite(reg_owner[cpu], reg_new[cpu], NOTHING, 0, cpu, -1);
  reg_owner[cpu] = NOTHING;
  reg_new[cpu] = 0
}

/* writeTaskMemory: a new version of task t's data in its memory (exec, sigreturn, ptrace). */
inline write_task_memory(t) {
  if :: mem_owner[t] != t -> check_overwrite(mem_owner[t], mem_new[t], t, 1, -1, t) :: else fi;
  make_stale(t);
  mem_owner[t] = t;
  mem_new[t] = 1
}

/* readTaskMemory: the kernel reads task t's data from its memory; it must be the newest. */
inline read_task_memory(t) {
  if :: mem_owner[t] == t && mem_new[t] -> skip :: else -> report_stale_read(t) fi
}

/* killKernelData: a section ends, its data is dead: scratch in registers, nothing in memory. */
inline kill_kernel_data(owner) {
  for (g_i : 0 .. NCPU - 1) {
    if :: reg_owner[g_i] == owner -> reg_owner[g_i] = SCRATCH; reg_new[g_i] = 0 :: else fi
  }
  for (g_i : 0 .. NSTOR - 1) {
    if :: mem_owner[g_i] == owner -> mem_owner[g_i] = NOTHING; mem_new[g_i] = 0 :: else fi
  }
  kernel_data[(owner) - NCTX] = 0
}
`;
