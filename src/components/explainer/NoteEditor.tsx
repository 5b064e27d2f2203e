// Edit a step's note (a teacher's words): plain text, saved as an undoable edit.
import { useState } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';

export function NoteEditor({ index, note, onDone }: { index: number; note: string; onDone: () => void }) {
  const [text, setText] = useState(note);
  const setNote = useScenarioStore((s) => s.setNote);
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        setNote(index, text);
        onDone();
      }}
    >
      <label>
        Note for step {index + 1}
        <textarea value={text} maxLength={2000} rows={3} onChange={(e) => setText(e.currentTarget.value)} />
      </label>
      <div className="row-buttons">
        <button type="submit">Save note</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
