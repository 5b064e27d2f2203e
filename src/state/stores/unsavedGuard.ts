// The one guard every path that replaces the scenario on screen goes through (the library, tours, links,
// random scenarios, imports, the explorer): unsaved edits are never dropped silently. The user chooses
// Save (to My scenarios), Discard (kept as "the last discarded edit", restorable) or Cancel.
import { create } from 'zustand';
import { useLibraryStore } from './libraryStore';
import { useNoticeStore } from './noticeStore';
import { useScenarioStore, type Discarded } from './scenarioStore';

export type GuardChoice = 'save' | 'discard' | 'cancel';
/** Asks the user; the app's default shows the dialog (UnsavedDialog), tests pass their own answer. */
export type Ask = (question: UnsavedQuestion) => GuardChoice | Promise<GuardChoice>;

export interface UnsavedQuestion {
  /** The title of the scenario with unsaved edits. */
  title: string;
  /** What is about to replace it, e.g. "open the tour “…”". */
  action: string;
}

interface GuardState {
  pending: (UnsavedQuestion & { answer(c: GuardChoice): void }) | null;
  /** The last scenario whose edits were discarded, restorable once. */
  discarded: Discarded | null;
}

export const useGuardStore = create<GuardState>()(() => ({ pending: null, discarded: null }));

/** Edits that would be lost: a user's own scenario saves itself, so only the others count. */
export function hasUnsavedEdits(): boolean {
  const s = useScenarioStore.getState();
  return s.dirty && s.origin.kind !== 'user';
}

/** Shows the dialog and waits for the answer. */
export const askWithDialog: Ask = (q) =>
  new Promise<GuardChoice>((resolve) => {
    useGuardStore.getState().pending?.answer('cancel');
    useGuardStore.setState({
      pending: {
        ...q,
        answer: (c) => {
          useGuardStore.setState({ pending: null });
          resolve(c);
        },
      },
    });
  });

/** Saves the scenario on screen to My scenarios; false (the library has said why) on failure. */
export function saveCurrent(): boolean {
  const s = useScenarioStore.getState();
  const id = useLibraryStore.getState().save(s.scenario);
  if (!id) return false;
  if (s.origin.kind === 'shared') useLibraryStore.getState().setShared(null);
  s.markSaved({ kind: 'user', id });
  return true;
}

/**
 * Runs `replace` (which opens another scenario) once the edits on screen are safe: at once when there
 * are none, else after the user's choice. Resolves to whether `replace` ran. With nothing to ask, the
 * replacement happens before this returns.
 */
export function guardReplace(
  action: string,
  replace: () => void,
  ask: Ask = askWithDialog,
): Promise<boolean> {
  if (!hasUnsavedEdits()) {
    replace();
    return Promise.resolve(true);
  }
  const title = useScenarioStore.getState().scenario.title;
  return Promise.resolve(ask({ title, action })).then((choice) => {
    switch (choice) {
      case 'cancel':
        return false;
      case 'save':
        if (!saveCurrent()) return false;
        break;
      case 'discard':
        useGuardStore.setState({ discarded: useScenarioStore.getState().snapshotForRestore() });
        useNoticeStore
          .getState()
          .push(
            'info',
            `Edits to “${title}” discarded`,
            '“Restore discarded edits” in the scenario header brings them back.',
          );
        break;
      default: {
        const never: never = choice;
        throw new Error(`unknown choice ${String(never)}`);
      }
    }
    replace();
    return true;
  });
}

/** Brings back the last discarded edits (asking first about any unsaved edits on screen). */
export function restoreDiscarded(ask: Ask = askWithDialog): Promise<boolean> {
  const d = useGuardStore.getState().discarded;
  if (!d) return Promise.resolve(false);
  return guardReplace(
    `restore the discarded edits of “${d.scenario.title}”`,
    () => {
      useGuardStore.setState({ discarded: null });
      useScenarioStore.getState().restore(d);
    },
    ask,
  );
}
