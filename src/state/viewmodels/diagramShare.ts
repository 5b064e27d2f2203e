// Structural sharing between two diagram models of the same diagram (diagramModel.ts: createDiagramMemo).
/**
 * Structural sharing with the previous model: every panel, card or row whose content did not change
 * keeps its previous object, so that memoised components skip it (a step usually changes one CPU and
 * one or two contexts; a jump, a few rows of most of them).
 */
export function share<T>(prev: unknown, next: T): T {
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return next;
  if (Array.isArray(next) !== Array.isArray(prev)) return next;
  const before = prev as Record<string, unknown>;
  const keys = Object.keys(next);
  const out = (Array.isArray(next) ? [] : {}) as Record<string, unknown>;
  let kept = keys.length === Object.keys(before).length;
  for (const k of keys) {
    const v = (next as Record<string, unknown>)[k];
    out[k] = Object.is(v, before[k]) ? v : share(before[k], v);
    if (!Object.is(out[k], before[k])) kept = false;
  }
  return (kept ? prev : out) as T;
}
