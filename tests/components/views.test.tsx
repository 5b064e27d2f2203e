// Views are a closed, typed set: each id has a label and a component, and nothing else is a view.
import { describe, expect, it } from 'vitest';
import { VIEW_COMPONENTS } from '../../src/components/views';
import { DEFAULT_VIEW, isView, VIEWS, type ViewId } from '../../src/state/stores/views';

describe('views', () => {
  it('has exactly one component per view id', () => {
    expect(Object.keys(VIEW_COMPONENTS).sort()).toEqual(VIEWS.map((v) => v.id).sort());
    expect(isView(DEFAULT_VIEW)).toBe(true);
  });

  it('knows no other id, not even inherited property names', () => {
    for (const id of ['', 'nope', 'constructor', '__proto__', 'toString', 'Diagram'])
      expect(isView(id)).toBe(false);
    // @ts-expect-error an unknown id is not a ViewId: the compiler refuses it
    const bad: ViewId = 'nope';
    expect(isView(bad)).toBe(false);
  });
});
