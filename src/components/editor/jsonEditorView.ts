// The JSON editor's text view: CodeMirror 6. It keeps the text as a tree of lines and draws only the lines
// in view, so a key press on a 5 MB scenario costs the same as on a small one: nothing here parses,
// prints or copies the whole text per key (the check runs in a worker once typing pauses, and the
// syntax colours come from an incremental parser that works on what is in view).
// Tab is left to the page (it moves focus, never indents), so the editor never traps keyboard focus.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, StateField, type Text, type Transaction } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { MAX_SCENARIO_BYTES, utf8Bytes } from '../../engine';
import type { TextProblem } from '../../state/scenario/scenarioCheck';

// Colours from the app's palette (styles.css), so both schemes keep their contrast.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--accent)' },
  { tag: tags.string, color: 'var(--ok-fg)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--danger-fg)' },
]);

/** UTF-8 bytes of a text, line by line (lines never split a character), without copying it whole. */
function textBytes(doc: Text): number {
  let n = 0;
  for (const part of doc.iter()) n += utf8Bytes(part);
  return n;
}

/**
 * The change in UTF-8 bytes a transaction makes, from the size of what it replaces and inserts, not the
 * text's. Each side is counted with one character of context on either side (the same before and after),
 * so a change that splits or joins a surrogate pair is counted as the reader counts the whole text.
 */
function bytesDelta(tr: Transaction): number {
  const a = tr.startState.doc;
  const b = tr.newDoc;
  let d = 0;
  tr.changes.iterChanges((fromA, toA, fromB, toB) => {
    const after = textBytes(b.slice(Math.max(0, fromB - 1), Math.min(b.length, toB + 1)));
    d += after - textBytes(a.slice(Math.max(0, fromA - 1), Math.min(a.length, toA + 1)));
  });
  return d;
}

/** The text's size in UTF-8 bytes, as the reader counts it: counted once, then kept up by each change. */
const bytes = StateField.define<number>({
  create: (state) => textBytes(state.doc),
  update: (n, tr) => (tr.docChanged ? n + bytesDelta(tr) : n),
});

/** The editor's text size in UTF-8 bytes (kept up change by change). */
export const byteCount = (state: EditorState): number => state.field(bytes);

export interface JsonEditorOptions {
  /** Ids of the label and of the text that describes the editor (keys, check status). */
  labelledBy: string;
  describedBy: string;
  /** Called after every change the user made to the text (not after `replaceText`). */
  onEdit(): void;
  /** Called when a change was refused because the text would exceed the scenario size limit (bytes). */
  onRefused(bytes: number): void;
}

export interface JsonEditor {
  view: EditorView;
  /** The whole text: a copy, made only when it is to be checked (once typing pauses). */
  text(): string;
  /** Replaces the text and its undo history (the scenario changed, or the draft was reset). */
  replaceText(text: string): void;
  /** Marks the check's problems in the text (empty: none). */
  showProblems(problems: readonly TextProblem[], invalid: boolean): void;
  destroy(): void;
}

export function createJsonEditor(parent: HTMLElement, doc: string, o: JsonEditorOptions): JsonEditor {
  const invalid = new Compartment();
  const attrs = (bad: boolean) =>
    EditorView.contentAttributes.of({
      'aria-labelledby': o.labelledBy,
      'aria-describedby': o.describedBy,
      'aria-invalid': String(bad),
      // Focusable by its own attribute too, so checkers see its scrolling box reachable by keyboard.
      tabindex: '0',
      spellcheck: 'false',
      autocorrect: 'off',
      autocapitalize: 'off',
    });
  const extensions = [
    lineNumbers(),
    history(),
    // Ctrl+Shift+M lists the check's errors in a panel, F8 goes to the next (lintKeymap).
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    json(),
    syntaxHighlighting(highlight),
    lintGutter(),
    EditorView.lineWrapping,
    invalid.of(attrs(false)),
    bytes,
    // Over the size limit, a change (a paste, a drop, a key) is refused whole: the text stays as it was.
    EditorState.changeFilter.of((tr) => {
      if (!tr.docChanged) return true;
      const delta = bytesDelta(tr);
      const after = tr.startState.field(bytes) + delta;
      if (after <= MAX_SCENARIO_BYTES || delta <= 0) return true;
      o.onRefused(after);
      return false;
    }),
    // setState (replaceText) does not come through here: only changes made in the editor do.
    EditorView.updateListener.of((u) => {
      if (u.docChanged) o.onEdit();
    }),
  ];
  const stateOf = (text: string) => EditorState.create({ doc: text, extensions });
  const view = new EditorView({ parent, state: stateOf(doc) });
  return {
    view,
    text: () => view.state.doc.toString(),
    replaceText(text) {
      view.setState(stateOf(text));
    },
    showProblems(problems, bad) {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = [];
      for (const p of problems) {
        const from = Math.min(p.at?.offset ?? 0, doc.length);
        const line = doc.lineAt(from);
        diagnostics.push({ from, to: Math.min(line.to, from + 200), severity: 'error', message: p.text });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics), {
        effects: invalid.reconfigure(attrs(bad)),
      });
    },
    destroy: () => view.destroy(),
  };
}
