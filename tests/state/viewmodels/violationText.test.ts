import { describe, expect, it } from 'vitest';
import { VIOLATION_KINDS } from '../../../src/engine';
import { violationTitle } from '../../../src/state/viewmodels/violationText';

describe('violation titles', () => {
  it('say whose data went where for a leak', () => {
    expect(violationTitle({ kind: 'leak', context: 'qemu', source: 'vcpu0' })).toBe(
      "vcpu0's data leaked to qemu",
    );
  });

  it('name the affected context for every kind', () => {
    for (const kind of VIOLATION_KINDS) expect(violationTitle({ kind, context: 'ctxA' })).toContain('ctxA');
  });
});
