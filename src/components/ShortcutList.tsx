// The keyboard shortcut list, opened with "?" (or the header's "Keys" button); Escape closes it.
// A chunk of its own, loaded when first opened (ShortcutHelp); mounted only while open.
import { useEffect, useRef } from 'react';
import { useViewStore } from '../state/stores/viewStore';

export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['← →', 'Step back / forward (from anywhere but text fields, selects, sliders and lists)'],
  ['↑ ↓ (event list, slider)', 'Step back / forward'],
  ['Page Up / Page Down', 'Ten steps back / forward (page or event list)'],
  ['Home / End', 'Jump to the start / end (page or event list)'],
  ['Space', 'Play or pause (page or event list)'],
  ['Delete (event list)', 'Delete the event at the cursor'],
  ['Alt+↑ / Alt+↓ (event list)', 'Move the event at the cursor earlier / later'],
  ['Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y', 'Undo / redo an edit'],
  ['p', 'Presenter mode: the diagram over the whole screen, the note in large type (p or Escape leaves)'],
  ['← → Page Up / Page Down, Space (presenter mode)', 'Step back / forward'],
  ['Escape', 'Close the Scenarios list, this list or a question; leave presenter mode, then a tour'],
  ['?', 'This list'],
];

export default function ShortcutList() {
  const setOpen = useViewStore((s) => s.setShortcutsOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onClick={() => setOpen(false)}>
      <div
        className="panel modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Tab') {
            e.preventDefault();
            if (e.key === 'Escape') setOpen(false);
          }
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <caption className="visually-hidden">Keys and what they do</caption>
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-buttons">
          <button ref={close} type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
