// The checker (src/engine/ghost.ts) in Promela: where each context's data is and whether it is the
// newest version, and where each of the four violation kinds is asserted. Copies are kept as
// (owner, newest) pairs, the explorer's abstraction (docs/explorer.md): exact for every violation.
export const GHOST_PML = `
/* ---- The checker (src/engine/ghost.ts); no kernel function reads these. ---- */
short reg_owner[NCPU];
bool reg_new[NCPU];
short mem_owner[NSTOR];
bool mem_new[NSTOR];

/* report_<kind>(ctx) asserts the violation, naming kind and context (declared above, per machine). */
/* WARN_ON(cond) / BUG_ON(cond) (src/engine/kctx.ts): a kernel warning of the current task. */
inline WARN_ON(cond) { if :: cond -> report_kernel_warning(current[cpu]) :: else fi }

hidden byte g_i;
hidden byte g_other;
/* Whether owner's newest data survives somewhere other than the location about to be written. */
inline has_other_copy(owner, skipReg, skipMem) {
  g_other = 0;
  for (g_i : 0 .. NCPU - 1) {
    if :: g_i != skipReg && reg_owner[g_i] == owner && reg_new[g_i] -> g_other = 1 :: else fi
  }
  for (g_i : 0 .. NSTOR - 1) {
    if :: g_i != skipMem && mem_owner[g_i] == owner && mem_new[g_i] -> g_other = 1 :: else fi
  }
}

/* lost-update: the location held the only copy of a context's newest data and gets other data. */
inline check_overwrite(owner, isNew, newOwner, newNew, reg, mem) {
  if
  :: owner >= 0 && isNew && !(owner == newOwner && isNew == newNew) ->
     has_other_copy(owner, reg, mem);
     if :: !g_other -> report_lost_update(owner) :: else fi
  :: else
  fi
}

/* fpsimd_save_state / __fpsimd_save_state: this CPU's registers -> storage st. */
inline regs_to_memory(st) {
  check_overwrite(mem_owner[st], mem_new[st], reg_owner[cpu], reg_new[cpu], -1, st);
  mem_owner[st] = reg_owner[cpu];
  mem_new[st] = reg_new[cpu]
}

/* fpsimd_load_state / __fpsimd_restore_state: storage st -> this CPU's registers. */
inline memory_to_regs(st) {
  check_overwrite(reg_owner[cpu], reg_new[cpu], mem_owner[st], mem_new[st], cpu, -1);
  reg_owner[cpu] = mem_owner[st];
  reg_new[cpu] = mem_new[st]
}

/* Kernel-mode NEON leaves scratch data in the registers. */
inline clobber_regs() {
  check_overwrite(reg_owner[cpu], reg_new[cpu], SCRATCH, 0, cpu, -1);
  reg_owner[cpu] = SCRATCH;
  reg_new[cpu] = 0
}

/* Context ctx runs FP code here: it must find its own newest data, then writes a newer version. */
inline use_regs(ctx) {
  if
  :: reg_owner[cpu] == ctx && !reg_new[cpu] -> report_stale_read(ctx)
  :: reg_owner[cpu] < 0 -> report_stale_read(ctx)
  :: reg_owner[cpu] >= 0 && reg_owner[cpu] != ctx -> report_leak(ctx)
  :: else
  fi;
  /* Superseding one's own data is no loss; overwriting someone else's only copy is. */
  if
  :: reg_owner[cpu] != ctx -> check_overwrite(reg_owner[cpu], reg_new[cpu], ctx, 1, cpu, -1)
  :: else
  fi;
  /* The new version makes every other copy of ctx's data stale. */
  for (g_i : 0 .. NCPU - 1) { if :: reg_owner[g_i] == ctx -> reg_new[g_i] = 0 :: else fi }
  for (g_i : 0 .. NSTOR - 1) { if :: mem_owner[g_i] == ctx -> mem_new[g_i] = 0 :: else fi }
  reg_owner[cpu] = ctx;
  reg_new[cpu] = 1
}
`;
