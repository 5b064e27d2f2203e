import { describe, expect, it } from 'vitest';
import { parseScenario, printScenario, type Scenario } from '../../../src/engine';
import { EXAMPLES } from '../../../src/scenarios';
import { changeWhere, drawnText, NOT_DRAWN } from '../../../src/state/viewmodels/changeWhere';
import { cursorView } from '../../../src/state/viewmodels/cursorView';
import { diagramModel } from '../../../src/state/viewmodels/diagramModel';
import { notesMismatch, notesVariantOf } from '../../../src/state/viewmodels/noteVariant';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { decodeShare, encodeShare } from '../../../src/state/links/share';
import { isEmbedFragment } from '../../../src/state/links/urlSync';
import { whyLines } from '../../../src/state/viewmodels/whyModel';
import { guestScenario } from '../fixtures';

const example = (id: string): Scenario => EXAMPLES.find((e) => e.id === id)!.scenario;

describe('the variant notes were written for', () => {
  it('defaults to the scenario’s variant, and to none without one', () => {
    const sc = guestScenario();
    expect(notesVariantOf({ ...sc, variant: undefined })).toBeNull();
    expect(notesMismatch({ ...sc, variant: undefined }, 'v4.17')).toBeNull();
    expect(notesVariantOf({ ...sc, variant: 'v4.18' })).toBe('v4.18');
    expect(notesMismatch({ ...sc, variant: 'v4.18' }, 'v4.17')).toBe('v4.18');
    expect(notesMismatch({ ...sc, variant: 'v4.18' }, 'v4.18')).toBeNull();
    expect(notesMismatch({ ...sc, variant: 'v4.17', notesVariant: 'mainline' }, 'v4.17')).toBe('mainline');
  });

  it('is an optional field of the file and of links, kept through both', () => {
    const sc = { ...guestScenario(), variant: 'v4.17', notesVariant: 'v4.18' };
    const printed = printScenario(sc);
    expect(printed).toContain('"notesVariant": "v4.18"');
    const back = parseScenario(printed);
    expect(back.ok && back.scenario.notesVariant).toBe('v4.18');
    const link = decodeShare(
      encodeShare({ scenario: sc, variant: 'v4.17', step: 0, view: 'diagram', embed: false, cpu: 0 }),
    );
    expect(link.ok && link.screen.scenario.notesVariant).toBe('v4.18');
    // An old file, without the field, opens as before.
    const old = parseScenario(printScenario(guestScenario()));
    expect(old.ok && old.scenario.notesVariant).toBeUndefined();
    const bad = parseScenario(printed.replace('"notesVariant": "v4.18"', '"notesVariant": 7'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].where).toBe('notesVariant');
  });
});

describe('what the picture shows', () => {
  const at = (id: string, variant: string, op: string, after = 0) => {
    const sc = example(id);
    useScenarioStore.getState().open(sc, { kind: 'generated' }, { variant });
    const s = useScenarioStore.getState();
    const step = sc.events.findIndex((e) => e.op === op) + 1 + after;
    return cursorView(s.replay, step);
  };

  it('explains v4.18 after a guest trap: vcpu0 in the registers, the pointer still at qemu', () => {
    const cv = at('guest-first-fp', 'v4.18', 'guest_fp');
    const lines = whyLines(cv.view, cv.record!.violations).join(' ');
    expect(lines).toMatch(/CPU0's registers hold vcpu0's data, yet fpsimd_last_state still names qemu/);
    expect(lines).toMatch(/hyp switched the registers/);
    // After vcpu_put the binding is dropped, the guest's data left behind.
    const put = at('guest-first-fp', 'v4.18', 'vcpu_put');
    expect(whyLines(put.view, []).join(' ')).toMatch(/fpsimd_last_state is NULL: the kernel has dropped/);
    // After the exit (which runs ctxsync) pointer and registers agree again.
    const exit = at('guest-first-fp', 'v4.18', 'guest_exit');
    expect(whyLines(exit.view, [])).toEqual([]);
    // At the start nothing is surprising.
    const first = at('guest-first-fp', 'v4.18', 'ret_to_user', -1);
    expect(whyLines(first.view, [])).toEqual([]);
  });

  it('says where each changed field is drawn, and that the trap bit is not', () => {
    const cv = at('guest-first-fp', 'v4.18', 'guest_fp');
    const model = diagramModel(cv);
    const where = new Map(cv.record!.changes.map((c) => [c.path, changeWhere(c, model)]));
    expect(where.get('cpu0.CPTR_EL2.TFP')).toBeNull();
    expect(where.get('cpu0.regs')).toBe("CPU0's register tile");
    expect([...where.values()].filter((w) => w !== null).length).toBeGreaterThan(0);
    expect(drawnText(where.get('cpu0.regs')!)).toBe("drawn: CPU0's register tile");
    expect(drawnText(where.get('cpu0.CPTR_EL2.TFP')!)).toBe(NOT_DRAWN);
  });
});

describe('embed links', () => {
  it('are recognised before they are opened', () => {
    expect(isEmbedFragment('v1&step=2&variant=v4.18&view=diagram&embed=1&data=x')).toBe(true);
    expect(isEmbedFragment('v1&step=2&variant=v4.18&view=diagram&data=embed=1x')).toBe(false);
    expect(isEmbedFragment('')).toBe(false);
  });
});
