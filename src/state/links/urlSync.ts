// Keeps the URL fragment in step with the screen, and opens links (on load, when the fragment is
// replaced by hand, and on Back/Forward; large links are decoded off the page's thread). A change of
// view and the opening of another scenario (from the list, the gallery, a tour) are new history entries
// (pushState), so Back and Forward move between them; steps and edits only replace the current entry. An opened
// link never touches the user's saved scenarios: it becomes the "shared" scenario until saved; a link
// to another scenario goes through the unsaved-edits guard, one to the same scenario keeps its edits.
import { printScenario, type Scenario } from '../../engine';
import { EXAMPLES } from '../../scenarios';
import { startAutosave } from '../persist/autosave';
import { checkCompareIds, compareForLink, useCompareStore } from '../stores/compareStore';
import { useLibraryStore } from '../stores/libraryStore';
import { watchLibrary } from '../persist/librarySync';
import { applyLinkParams, readLinkParams, watchLinkParams } from './linkParams';
import { useNoticeStore } from '../stores/noticeStore';
import { useScenarioStore, type Origin, type ScenarioState } from '../stores/scenarioStore';
import { linkDecoder, type LinkDecoder } from './linkDecoder';
import { variantField, viewField } from './linkFields';
import { decodeShare, encodeShare, type DecodeResult, type SharedScreen } from './share';
import { askWithDialog, guardReplace, type Ask } from '../stores/unsavedGuard';
import { useViewStore } from '../stores/viewStore';
import { type ViewId } from '../stores/views';

/** The screen as a link carries it; `view` overrides the view on show (the entry being left). */
export function currentScreen(view = useViewStore.getState().view): SharedScreen {
  const s = useScenarioStore.getState();
  const v = useViewStore.getState();
  return {
    scenario: s.scenario,
    variant: s.variantId,
    step: s.cursor,
    view,
    embed: v.embed,
    cpu: v.paletteCpu,
    compare: compareForLink(view, useCompareStore.getState().variants),
    params: readLinkParams(view),
  };
}

export function shareFragment(): string {
  return encodeShare(currentScreen());
}

/** The page's address with the current screen's fragment. */
export function shareUrl(loc: Pick<Location, 'href'> = window.location): string {
  return `${loc.href.split('#')[0]}#${shareFragment()}`;
}

/** Set while an opened link replaces the screen (possibly after the unsaved-edits dialog): not an entry. */
let linkReplacing = 0;

/** An opened scenario that equals an example or a saved one keeps that identity. */
function originOf(sc: Scenario): Origin {
  const text = printScenario(sc);
  const ex = EXAMPLES.find((e) => printScenario(e.scenario) === text);
  if (ex) return { kind: 'example', id: ex.id };
  const mine = useLibraryStore.getState().items.find((i) => printScenario(i.scenario) === text);
  if (mine) return { kind: 'user', id: mine.id };
  return { kind: 'shared' };
}

/**
 * Opens a fragment, decoding it here. A bad link leaves what is on screen as it is and says what was
 * wrong. A link to another scenario while edits are unsaved asks first (`ask`); one to the scenario on
 * screen only moves to its variant, step and view. Returns whether the link was valid.
 */
export function openFragment(fragment: string, ask: Ask = askWithDialog): boolean {
  return openDecoded(decodeShare(fragment), ask);
}

/** Puts a decoded link on screen (or says why it cannot be). Returns whether the link was valid. */
/**
 * Opens a decoded link. With unsaved edits it asks first; `onCancel` runs when the user keeps them
 * (the address should then show the screen again, not the link that was not opened).
 */
export function openDecoded(res: DecodeResult, ask: Ask = askWithDialog, onCancel?: () => void): boolean {
  const notices = useNoticeStore.getState();
  if (!res.ok) {
    notices.push(
      'error',
      'This link could not be opened',
      `${res.message}\nYour own scenarios are untouched; the scenario shown is the one you had open (or the default).`,
    );
    return false;
  }
  const { screen } = res;
  const variantChecked = variantField(screen.variant, screen.scenario);
  const variant = variantChecked.variant;
  const problems = [...(screen.problems ?? []), variantChecked.problem].filter(
    (p): p is string => p !== undefined,
  );
  const here = useScenarioStore.getState();
  if (printScenario(here.scenario) === printScenario(screen.scenario)) {
    here.setVariant(variant || here.variantId);
    here.setCursor(screen.step);
    showScreen(screen, problems);
    return true;
  }
  void guardReplace(
    'open the link',
    () => {
      linkReplacing++;
      try {
        const origin = originOf(screen.scenario);
        useLibraryStore.getState().setShared(origin.kind === 'shared' ? screen.scenario : null);
        useScenarioStore.getState().open(screen.scenario, origin, { variant, step: screen.step });
        showScreen(screen, problems);
      } finally {
        linkReplacing--;
      }
    },
    ask,
  ).then((opened) => {
    if (!opened) onCancel?.();
  });
  return true;
}

/** The rest of an opened link, once its scenario is on screen: step check, view, CPU, comparison... */
function showScreen(screen: SharedScreen, problems: string[]): void {
  const notices = useNoticeStore.getState();
  const opened = useScenarioStore.getState();
  if (opened.cursor !== screen.step)
    problems.push(`step ${screen.step} is past the end of the replay; showing step ${opened.cursor}`);
  if (screen.cpu >= screen.scenario.cpus) problems.push(`CPU ${screen.cpu} does not exist; showing CPU0`);
  const view = useViewStore.getState();
  const viewChecked = viewField(screen.view);
  if (viewChecked.problem) problems.push(viewChecked.problem);
  view.setView(viewChecked.view);
  view.setEmbed(screen.embed);
  view.setPaletteCpu(screen.cpu < screen.scenario.cpus ? screen.cpu : 0);
  const compared = checkCompareIds(screen.compare);
  problems.push(...compared.problems);
  useCompareStore.getState().setVariants(compared.ids);
  problems.push(...applyLinkParams(screen.params ?? {}, useViewStore.getState().view));
  if (problems.length)
    notices.push('warning', 'The link was opened with changes', problems.join('.\n') + '.');
}

/** A link still decoding after this long gets a notice saying so. */
const SLOW_LINK_MS = 150;

/**
 * Mirrors the screen into the fragment and opens a fragment pasted into the address bar (and, with
 * `openNow`, the one already there). The write waits until the screen has been still for `delayMs`
 * (replaceState of a long URL costs tens of ms in Chromium, too much to do between the frames of rapid
 * stepping). A large link is decoded off the page's thread (`decode`): the page answers meanwhile,
 * the address keeps the link until it is opened, and a newer link wins over one still decoding.
 * Returns a function that stops it.
 */
export function startUrlSync(
  win: Window = window,
  delayMs = 300,
  decode: LinkDecoder = linkDecoder(),
  openNow = false,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = win.location.hash.slice(1);
  /** The number of the newest link opened; a decode that finishes for an older one is dropped. */
  let latest = 0;
  let decoding = false;
  let stopped = false;
  /** Set while a link (or a history entry) is being opened: its changes are not new entries. */
  let opening = false;
  const write = (push = false): void => {
    timer = undefined;
    // A link is being decoded: the address keeps it until it is opened (or refused).
    if (decoding) return;
    // The address changed since our last write (a link pasted, its hashchange not handled yet):
    // leave it for onHash rather than overwrite it.
    if (win.location.hash.slice(1) !== written) return;
    const fragment = shareFragment();
    if (fragment === written) return;
    written = fragment;
    if (push) win.history.pushState(null, '', `#${fragment}`);
    else win.history.replaceState(win.history.state, '', `#${fragment}`);
  };
  /** Set from the opening of another scenario until its entry is written (a view change joins it). */
  let pushPending = false;
  /** A new view: a history entry of its own, written at once (the old entry keeps the old view). */
  const onView = (s: { view: ViewId }, prev: { view: ViewId }): void => {
    if (s.view === prev.view || opening || decoding || linkReplacing) return schedule();
    if (pushPending) return;
    // The entry being left keeps its view with the latest step (a pending write would be lost).
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      if (win.location.hash.slice(1) === written) {
        written = encodeShare(currentScreen(prev.view));
        win.history.replaceState(win.history.state, '', `#${written}`);
      }
    }
    write(true);
  };
  const schedule = (): void => {
    if (pushPending) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => write(), delayMs);
  };
  /**
   * Another scenario opened (from the list, the gallery, a tour): a history entry of its own. The entry
   * being left keeps the screen that was on it; the new one is written once the code opening it has run
   * to its end (it often changes the view too: one entry for both).
   */
  const onScenario = (s: ScenarioState, prev: ScenarioState): void => {
    const opened = s.saved !== prev.saved && s.scenario !== prev.scenario && s.scenario === s.saved;
    if (!opened || opening || decoding || linkReplacing) return schedule();
    if (pushPending) return;
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (win.location.hash.slice(1) === written) {
      const left = { scenario: prev.scenario, variant: prev.variantId, step: prev.cursor };
      written = encodeShare({ ...currentScreen(), ...left });
      win.history.replaceState(win.history.state, '', `#${written}`);
    }
    pushPending = true;
    queueMicrotask(() => {
      pushPending = false;
      if (!stopped) write(true);
    });
  };
  /** Opening changes the stores: those changes are part of the link, not new history entries. */
  const show = (res: DecodeResult): void => {
    opening = true;
    try {
      openDecoded(res, askWithDialog, () => {
        // Edits kept: the address shows the screen they are on again (a reload must not open the link).
        if (stopped) return;
        written = shareFragment();
        win.history.replaceState(win.history.state, '', `#${written}`);
      });
    } finally {
      opening = false;
    }
  };
  const open = (fragment: string): void => {
    const n = ++latest;
    const res = decode(fragment);
    if (!(res instanceof Promise)) {
      decoding = false;
      show(res);
      return;
    }
    decoding = true;
    const notices = useNoticeStore.getState();
    let notice = 0;
    const slow = setTimeout(() => {
      notice = notices.push('info', 'Opening the link…', 'It is large: it is being unpacked and checked.');
    }, SLOW_LINK_MS);
    void res.then((decoded) => {
      clearTimeout(slow);
      if (notice) notices.dismiss(notice);
      if (stopped || n !== latest) return;
      decoding = false;
      // A refused link stays in the address.
      show(decoded);
    });
  };
  const onHash = (): void => {
    const fragment = win.location.hash.slice(1);
    if (fragment === written) return;
    // The address was changed by hand: a pending write of the old screen must not overwrite it.
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    written = fragment;
    if (fragment) open(fragment);
  };
  if (openNow && written) open(written);
  const unsubs = [
    useScenarioStore.subscribe(onScenario),
    useViewStore.subscribe(onView),
    useCompareStore.subscribe(schedule),
    watchLinkParams(schedule),
  ];
  win.addEventListener('hashchange', onHash);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    unsubs.forEach((u) => u());
    win.removeEventListener('hashchange', onHash);
  };
}

/** Whether a link opens the embed view (read before the link itself, which may be damaged). */
export function isEmbedFragment(fragment: string): boolean {
  return /(^|&)embed=1(&|$)/.test(fragment);
}

/** Startup: read the saved scenarios, open the link in the address bar (if any), start syncing. */
export function bootstrap(win: Window = window, decode: LinkDecoder = linkDecoder()): () => void {
  // An embed never saves anything: it reads no storage and so has nothing to say about it (in a
  // cross-origin iframe the browser often gives it none).
  const embed = isEmbedFragment(win.location.hash.slice(1));
  if (!embed) useLibraryStore.getState().load();
  const stops = [startUrlSync(win, 300, decode, true), startAutosave()];
  if (!embed) stops.push(watchLibrary(win));
  return () => stops.forEach((stop) => stop());
}
