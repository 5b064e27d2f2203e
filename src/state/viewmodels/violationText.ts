// Violations in words, the same everywhere (banners, compare columns, the explorer, the code pane):
// says whose data went where. A leak's `context` is the one that saw foreign data; `source` is whose.
import type { ViolationKind } from '../../engine';

export const KIND_TEXT: Record<ViolationKind, string> = {
  'stale-read': 'Stale read',
  'lost-update': 'Lost update',
  leak: 'Leak',
  'kernel-warning': 'Kernel warning',
};

export interface ViolationLike {
  kind: ViolationKind;
  context: string | null;
  source?: string;
}

/** "vcpu0's data leaked to qemu", "Stale read by qemu", "Lost update of vcpu0's data"... */
export function violationTitle(v: ViolationLike): string {
  const who = v.context ?? 'the current task';
  switch (v.kind) {
    case 'leak':
      return v.source ? `${v.source}'s data leaked to ${who}` : `Foreign data leaked to ${who}`;
    case 'stale-read':
      return `Stale read by ${who}`;
    case 'lost-update':
      return `Lost update of ${who}'s data`;
    case 'kernel-warning':
      return `Kernel warning (running ${who})`;
    default: {
      const never: never = v.kind;
      return String(never);
    }
  }
}
