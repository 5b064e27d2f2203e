import { beforeEach, describe, expect, it } from 'vitest';
import { ERAS } from '../../../src/engine';
import {
  ALL_ERAS,
  DEFAULT_COMPARE,
  MAX_COMPARED,
  checkCompareIds,
  compareForLink,
  comparePreset,
  useCompareStore,
} from '../../../src/state/stores/compareStore';

const st = () => useCompareStore.getState();

describe('compare store', () => {
  beforeEach(() => useCompareStore.setState({ variants: [...DEFAULT_COMPARE] }));

  it("starts with the eras, oldest first, today's named by its release", () => {
    expect(st().variants).toEqual(['v4.17', 'v4.18', 'v6.16']);
  });

  it('takes an alias as the variant it names', () => {
    expect(checkCompareIds(['mainline', 'v4.17', 'mainline/pre-e92bee9f861b'])).toEqual({
      ids: ['v6.16', 'v4.17', 'v6.15/pre-e92bee9f861b'],
      problems: [],
    });
    st().setSlot(0, 'mainline');
    expect(st().variants).toEqual(['v6.16', 'v4.18', 'v4.17']);
  });

  it('keeps a good list as it is and says nothing', () => {
    expect(checkCompareIds(['v4.18', 'v4.18/no-put-save'])).toEqual({
      ids: ['v4.18', 'v4.18/no-put-save'],
      problems: [],
    });
    expect(checkCompareIds(undefined)).toEqual({ ids: [...DEFAULT_COMPARE], problems: [] });
  });

  it('drops unknown ids and names them, filling up to two variants', () => {
    const res = checkCompareIds(['v4.18', 'v9.99', '<b>x</b>']);
    expect(res.ids).toEqual(['v4.18', 'v4.17']);
    expect(res.problems[0]).toBe(
      'the comparison names variants this version does not know ("v9.99", "<b>x</b>"); they are left out',
    );
    expect(res.problems[1]).toMatch(/at least 2 variants; v4\.17 was added/);
  });

  it('takes every era at once, derived from the engine’s eras', () => {
    expect(ALL_ERAS).toEqual(ERAS.map((e) => e.id));
    expect(ALL_ERAS).toContain('v6.13');
    expect(MAX_COMPARED).toBeGreaterThanOrEqual(ALL_ERAS.length);
    expect(checkCompareIds(ALL_ERAS)).toEqual({ ids: [...ALL_ERAS], problems: [] });
    st().setVariants(ALL_ERAS);
    expect(st().variants).toEqual([...ALL_ERAS]);
  });

  it('shows a repeated variant once, cuts one too many and fills an empty list', () => {
    expect(checkCompareIds(['v4.18', 'v4.18', 'v6.16']).ids).toEqual(['v4.18', 'v6.16']);
    expect(checkCompareIds(['v4.18', 'v4.18', 'v6.16']).problems).toEqual([
      'a variant named twice in the comparison is shown once',
    ]);
    const many = checkCompareIds([...ALL_ERAS, 'v4.18/no-put-save']);
    expect(many.ids).toEqual([...ALL_ERAS]);
    expect(many.problems[0]).toBe(
      `the comparison shows at most ${MAX_COMPARED} variants; v4.18/no-put-save left out`,
    );
    const empty = checkCompareIds(['']);
    expect(empty.ids).toEqual(['v4.17', 'v4.18']);
    expect(empty.problems).toEqual(['a comparison needs at least 2 variants; v4.17 and v4.18 were added']);
  });

  it('sets a slot, swapping with a slot that already shows the variant', () => {
    st().setSlot(2, 'v4.18/no-put-save');
    expect(st().variants).toEqual(['v4.17', 'v4.18', 'v4.18/no-put-save']);
    st().setSlot(0, 'v4.18');
    expect(st().variants).toEqual(['v4.18', 'v4.17', 'v4.18/no-put-save']);
    st().setSlot(0, 'nope');
    st().setSlot(5, 'v6.16');
    expect(st().variants).toEqual(['v4.18', 'v4.17', 'v4.18/no-put-save']);
  });

  it('removes down to two and adds up to the most', () => {
    st().removeSlot(0);
    expect(st().variants).toEqual(['v4.18', 'v6.16']);
    st().removeSlot(0);
    expect(st().variants).toEqual(['v4.18', 'v6.16']);
    st().addSlot();
    expect(st().variants).toEqual(['v4.18', 'v6.16', 'v4.17']);
    for (let i = 0; i < 10; i++) st().addSlot();
    expect(st().variants).toHaveLength(MAX_COMPARED);
  });

  it('puts the comparison in links from the compare view, or when it is not the default', () => {
    expect(compareForLink('compare', DEFAULT_COMPARE)).toEqual([...DEFAULT_COMPARE]);
    expect(compareForLink('diagram', DEFAULT_COMPARE)).toBeUndefined();
    expect(compareForLink('diagram', ['v4.18', 'v6.16'])).toEqual(['v4.18', 'v6.16']);
  });

  it('offers the eras for the exit storm, v6.13 against v6.15 for the host-save example, and the era for an ablation example', () => {
    expect(comparePreset('exit-storm', 'v4.17')).toEqual([...ALL_ERAS]);
    expect(comparePreset('ablation-no-put-save', 'v4.18/no-put-save')).toEqual([
      'v4.18',
      'v4.18/no-put-save',
    ]);
    expect(comparePreset('lazy-vs-eager-host-save', 'v6.13')).toEqual(['v6.13', 'v6.15']);
    expect(comparePreset('signal-round-trip-eras', 'v6.16')).toEqual(['v6.15', 'v6.16']);
    expect(comparePreset('guest-first-fp', 'v4.18')).toBeNull();
    expect(comparePreset('x', undefined)).toBeNull();
  });
});
