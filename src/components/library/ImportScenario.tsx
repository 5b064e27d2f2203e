// Import of a scenario file: validated by the engine; errors are listed in place, naming where.
import { useId, useState } from 'react';
import { parseScenario, type ScenarioError } from '../../engine';
import { useLibraryStore } from '../../state/stores/libraryStore';
import { savedCopyOf } from '../../state/persist/librarySame';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { guardReplace } from '../../state/stores/unsavedGuard';
import { readFileText } from './fileIo';

export function ImportScenario() {
  const inputId = useId();
  const [errors, setErrors] = useState<{ file: string; errors: ScenarioError[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onFile(file: File): Promise<void> {
    setDone(null);
    let read: Awaited<ReturnType<typeof readFileText>>;
    try {
      read = await readFileText(file);
    } catch (e) {
      setErrors({ file: file.name, errors: [{ where: '', message: `could not be read: ${String(e)}` }] });
      return;
    }
    if (!read.ok) {
      setErrors({ file: file.name, errors: [{ where: '', message: read.message }] });
      return;
    }
    const res = parseScenario(read.text);
    if (!res.ok) {
      setErrors({ file: file.name, errors: res.errors });
      return;
    }
    setErrors(null);
    const sc = res.scenario;
    // A file identical to a saved scenario: that one is opened, and nothing added twice.
    const same = savedCopyOf(useLibraryStore.getState().items, sc);
    if (same) {
      const opened = await guardReplace(`open “${sc.title}”`, () =>
        useScenarioStore.getState().open(same.scenario, { kind: 'user', id: same.id }),
      );
      setDone(
        `${file.name} is identical to “${same.scenario.title}” in My scenarios: not added again${opened ? '; opened it' : ''}.`,
      );
      return;
    }
    const id = useLibraryStore.getState().save(sc);
    const opened = await guardReplace(`open the imported “${sc.title}”`, () =>
      useScenarioStore.getState().open(sc, id ? { kind: 'user', id } : { kind: 'imported', name: file.name }),
    );
    if (!opened) {
      setDone(id ? `Imported “${sc.title}” into My scenarios (not opened).` : 'Not opened.');
      return;
    }
    setDone(`Imported “${res.scenario.title}”${id ? ' into My scenarios' : ''}.`);
  }

  return (
    <div className="import">
      <label htmlFor={inputId}>Import a scenario file (.json)</label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void onFile(f);
        }}
      />
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {errors && (
        <div className="import-errors callout banner-danger" role="alert">
          <p>
            <strong>{errors.file}</strong> was not imported:
          </p>
          <ul>
            {errors.errors.map((e, i) => (
              <li key={i}>
                {e.where && <code>{e.where}</code>}
                {e.where ? ': ' : ''}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
