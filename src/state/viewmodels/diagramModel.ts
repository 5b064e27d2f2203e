// View model of the diagram at a step: built from the cursor's view (diagramRows.ts), sized for the whole
// replay, and shared row by row with the same diagram's previous model (createDiagramMemo).
import type { CursorView, ReplayFrame, ReplayOwner } from './cursorView';
import { changesBy, contextModel, cpuModel } from './diagramRows';
import { share } from './diagramShare';
import type { DiagramFrame, DiagramModel } from './diagramTypes';
import { SCRATCH_STYLE, ownerStyles, type OwnerStyle } from './ownerStyle';

export type { ContextModel, CpuModel, DiagramFrame, DiagramModel, FieldRow, RegsState } from './diagramTypes';
export { SCRATCH_INDEX } from './diagramTypes';
export { changeRowKey, formatValue } from './diagramRows';

const tables = new WeakMap<readonly ReplayOwner[], { indexOf: Map<string, number>; styles: OwnerStyle[] }>();

/** Owner index by id and the owners' styles, once per replay's owner list. */
function ownerTable(owners: readonly ReplayOwner[]): { indexOf: Map<string, number>; styles: OwnerStyle[] } {
  let t = tables.get(owners);
  if (!t) {
    t = { indexOf: new Map(owners.map((o, i) => [o.id, i])), styles: ownerStyles(owners) };
    tables.set(owners, t);
  }
  return t;
}

const sizes = new WeakMap<ReplayFrame, DiagramFrame>();

/** The rows of the replay's bounding view, as this model would draw them. */
function diagramFrame(frame: ReplayFrame): DiagramFrame {
  let f = sizes.get(frame);
  if (!f) {
    const none = new Set<string>();
    const { cpus, contexts } = frame.view;
    f = {
      cpuRows: Math.max(
        0,
        ...cpus.map((c) => cpuModel(c, none, new Map(), [], false, frame.suspends).rows.length),
      ),
      ctxRows: Math.max(
        0,
        ...contexts.map((c) => contextModel(c, -1, SCRATCH_STYLE, none, false).rows.length),
      ),
      contexts: contexts.length,
      sve: cpus.some((c) => c.sve !== undefined),
    };
    sizes.set(frame, f);
  }
  return f;
}

/**
 * One diagram's models, step after step: each shares every panel, card and row that did not change with
 * the model this memo returned before, so memoised components skip them. One memo per diagram on the
 * page (step view, explainer, tour, each compare column: `useDiagramModel`), so two diagrams showing
 * different steps never break each other's sharing.
 */
export function createDiagramMemo(): (cv: CursorView) => DiagramModel {
  let previous: DiagramModel | null = null;
  return (cv) => {
    const next = diagramModel(cv);
    const model = {
      ...next,
      cpus: share(previous?.cpus, next.cpus),
      contexts: share(previous?.contexts, next.contexts),
    };
    previous = model;
    return model;
  };
}

/** The model of one step on its own, sharing nothing (createDiagramMemo shares between steps). */
export function diagramModel(cv: CursorView): DiagramModel {
  const changes = cv.record?.changes ?? [];
  const violations = cv.record?.violations ?? [];
  const by = changesBy(changes);
  const { indexOf, styles } = ownerTable(cv.owners);
  const none = new Set<string>();
  return {
    step: cv.cursor,
    frame: diagramFrame(cv.frame),
    owners: cv.owners,
    styles,
    cpus: cv.view.cpus.map((c) =>
      cpuModel(
        c,
        by.cpu.get(c.id) ?? none,
        indexOf,
        styles,
        violations.some((v) => v.cpu === c.id),
        cv.record?.event.op === 'cpu_suspend' && cv.record.event.cpu === c.id,
      ),
    ),
    contexts: cv.view.contexts.map((c) =>
      contextModel(
        c,
        indexOf.get(c.id) ?? -1,
        styles[indexOf.get(c.id) ?? -1] ?? SCRATCH_STYLE,
        by.ctx.get(c.id) ?? none,
        violations.some((v) => v.context === c.id),
      ),
    ),
    violations,
  };
}
