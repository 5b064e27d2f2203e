// The question the unsaved-edits guard asks (src/state/stores/unsavedGuard.ts): Save, Discard or Cancel.
// Modal: focus moves into it, Tab stays inside, Escape cancels; focus returns where it was.
import { useEffect, useRef } from 'react';
import { useGuardStore, type GuardChoice } from '../state/stores/unsavedGuard';

export function UnsavedDialog() {
  const pending = useGuardStore((s) => s.pending);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!pending) return;
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => before?.focus?.();
  }, [pending]);
  if (!pending) return null;
  const answer = (c: GuardChoice) => () => pending.answer(c);
  const onKey = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      pending.answer('cancel');
    } else if (e.key === 'Tab') {
      const buttons = [...(box.current?.querySelectorAll('button') ?? [])];
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = (i + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length;
      e.preventDefault();
      buttons[next]?.focus();
    }
  };
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className="panel modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-text"
        onKeyDown={onKey}
      >
        <h2 id="unsaved-title">Unsaved edits</h2>
        <p id="unsaved-text">
          “{pending.title}” has edits that are not saved. Save them to My scenarios before you{' '}
          {pending.action}?
        </p>
        <div className="modal-buttons">
          <button type="button" onClick={answer('save')}>
            Save
          </button>
          <button type="button" onClick={answer('discard')}>
            Discard
          </button>
          <button type="button" onClick={answer('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
