import { beforeEach, describe, expect, it } from 'vitest';
import { createMachine, findVariant, replay } from '../../../src/engine';
import { EXAMPLES } from '../../../src/scenarios';
import { TOURS } from '../../../src/scenarios/tours';
import { useLibraryStore } from '../../../src/state/stores/libraryStore';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { editCopy, exitTour, startTour } from '../../../src/state/stores/tourActions';
import { TOUR_VIEW, tourOf, tourScenario, tourStep } from '../../../src/state/viewmodels/tourModel';
import { useViewStore } from '../../../src/state/stores/viewStore';
import { memoryStorage, resetStores } from '../fixtures';

const st = () => useScenarioStore.getState();

describe('tour model', () => {
  it('finds each tour’s scenario among the examples, every step with a note', () => {
    expect(TOURS.length).toBeGreaterThanOrEqual(3);
    for (const t of TOURS) {
      const sc = tourScenario(t);
      expect(sc, t.scenarioId).not.toBeNull();
      expect(sc!.events.every((e) => e.note)).toBe(true);
    }
    expect(tourScenario({ scenarioId: 'nope', title: '', summary: '' })).toBeNull();
  });

  it('knows the tour on screen by the example it came from', () => {
    expect(tourOf({ kind: 'example', id: TOURS[1].scenarioId })).toBe(TOURS[1]);
    expect(tourOf({ kind: 'example', id: 'exit-storm' })).toBeNull();
    expect(tourOf({ kind: 'shared' })).toBeNull();
  });

  it('shows the description first, then each event’s note and changes, and knows the end', () => {
    const sc = EXAMPLES.find((e) => e.id === 'guest-first-fp')!.scenario;
    const r = replay(createMachine(sc, findVariant('v4.18')!), sc.events);
    const first = tourStep(sc, r, 0);
    expect(first).toMatchObject({ k: 0, n: 12, heading: 'Before the first step', note: sc.description });
    expect(first.atEnd).toBe(false);
    const trap = tourStep(sc, r, 5);
    expect(trap.heading).toBe('Step 5: CPU0 guest_fp');
    expect(trap.note).toBe(sc.events[4].note);
    expect(trap.changes.map((c) => c.path)).toContain('cpu0.CPTR_EL2.TFP');
    const end = tourStep(sc, r, 12);
    expect(end.atEnd).toBe(true);
    expect(end.stopped).toBeNull();
  });

  it('says where a replay stops before the end', () => {
    const sc = EXAMPLES.find((e) => e.id === 'guest-first-fp')!.scenario;
    const broken = { ...sc, events: [sc.events[0], { cpu: 0, op: 'guest_exit' as const }] };
    const r = replay(createMachine(broken, findVariant('v4.18')!), broken.events);
    const end = tourStep(broken, r, 1);
    expect(end).toMatchObject({ k: 1, n: 1, atEnd: true });
    expect(end.stopped).toMatch(/^Event 2 \(events\[1\]\) \(guest_exit\) is not legal where it stands: /);
  });
});

describe('tour actions', () => {
  beforeEach(() => resetStores());

  it('starts a tour at its first step in the tour view and leaves it on the same step', async () => {
    await expect(startTour(TOURS[2], () => 'discard')).resolves.toBe(true);
    expect(st().origin).toEqual({ kind: 'example', id: TOURS[2].scenarioId });
    expect(st().cursor).toBe(0);
    expect(st().variantId).toBe('v4.18');
    expect(useViewStore.getState().view).toBe(TOUR_VIEW);
    st().setCursor(3);
    exitTour();
    expect(useViewStore.getState().view).toBe('diagram');
    expect(st().cursor).toBe(3);
  });

  it('asks before replacing unsaved edits, and keeps them on Cancel', async () => {
    st().setNote(0, 'my edit');
    const title = st().scenario.title;
    const asked: string[] = [];
    await expect(startTour(TOURS[0], (q) => (asked.push(`${q.title}: ${q.action}`), 'cancel'))).resolves.toBe(
      false,
    );
    expect(asked[0]).toBe(`${title}: open the tour “${TOURS[0].title}”`);
    expect(st().scenario.events[0].note).toBe('my edit');
    await expect(startTour(TOURS[0], () => 'discard')).resolves.toBe(true);
    expect(st().origin.kind).toBe('example');
  });

  it('edits a copy: saved to My scenarios, opened on the same step, the example untouched', () => {
    useLibraryStore.getState().load(memoryStorage());
    void startTour(TOURS[0], () => 'discard');
    st().setCursor(4);
    expect(editCopy()).toBe(true);
    const items = useLibraryStore.getState().items;
    expect(items).toHaveLength(1);
    expect(items[0].scenario.title).toMatch(/\(my copy\)$/);
    expect(st().origin).toEqual({ kind: 'user', id: items[0].id });
    expect(st().cursor).toBe(4);
    expect(useViewStore.getState().view).toBe('diagram');
    expect(useNoticeStore.getState().notices.at(-1)?.title).toMatch(
      /^Saved “.*\(my copy\)” to My scenarios$/,
    );
    expect(tourScenario(TOURS[0])!.title).not.toMatch(/my copy/);
  });
});
