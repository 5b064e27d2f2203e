import { describe, expect, it } from 'vitest';
import { headKind } from '../../../src/components/diagram/ContextCard';
import { textWidth } from '../../../src/components/diagram/Rows';
import { CARD_W } from '../../../src/components/diagram/layout';

// A card's head: the title at the left, the kind at the right; the kind shortens rather than run into
// a long title (kernel-mode NEON owners are named TASK.kernel).
describe('context card head', () => {
  const card = (id: string, kind: 'task' | 'kthread' | 'vcpu' | 'kernel_neon', violation = false) =>
    headKind({ id, kind, violation }, CARD_W);

  it('keeps the whole kind beside a short title', () => {
    expect(card('vcpu0', 'vcpu')).toBe('vcpu');
    expect(card('kthread0', 'kthread')).toBe('kernel thread');
    expect(card('editor', 'task', true)).toBe('⚠ task');
  });

  it('shortens the kind of a kernel-mode NEON owner so it clears the title', () => {
    for (const id of ['qemu0.kernel', 'qemu5.kernel', 'kthread0.kernel']) {
      const kind = card(id, 'kernel_neon');
      expect(kind).toBe('NEON');
      // Title (14 px bold) and kind (12 px) both inside the head with a gap between them.
      expect(textWidth(id) * 1.3 + 10 + textWidth(kind) * 1.05).toBeLessThanOrEqual(CARD_W - 38);
    }
  });

  it('drops the kind, never the title, when nothing fits', () => {
    expect(card('a-very-long-context-name-indeed', 'vcpu')).toBe('');
    expect(card('longcontextnamexy', 'vcpu', true)).toBe('⚠');
  });
});
