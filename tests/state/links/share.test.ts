import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, type SharedScreen } from '../../../src/state/links/share';
import { randomScenario } from '../../../src/state/scenario/randomScenario';
import { guestScenario, twoCpuScenario } from '../fixtures';

const screen = (over: Partial<SharedScreen> = {}): SharedScreen => ({
  scenario: twoCpuScenario(),
  variant: 'v4.18',
  step: 3,
  view: 'diagram',
  embed: false,
  cpu: 1,
  ...over,
});

describe('shared links', () => {
  it('round-trips a scenario with notes, a kernel thread, an idle CPU and the screen fields', () => {
    const s = screen({ embed: true });
    const frag = encodeShare(s);
    expect(frag.startsWith('v3&')).toBe(true);
    const res = decodeShare(`#${frag}`);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.screen).toEqual(s);
  });

  it('round-trips the description and the scenario variant', () => {
    const res = decodeShare(encodeShare(screen({ scenario: guestScenario(), variant: 'v4.18/no-put-save' })));
    expect(res.ok && res.screen.scenario).toEqual(guestScenario());
    expect(res.ok && res.screen.variant).toBe('v4.18/no-put-save');
  });

  it('keeps a 200-event 8-CPU scenario under 1,000 characters', () => {
    const sc = randomScenario({ cpus: 8, events: 200, seed: 11 });
    const frag = encodeShare(screen({ scenario: sc, step: 200, cpu: 0 }));
    expect(frag.length).toBeLessThan(1000);
    const res = decodeShare(frag);
    expect(res.ok && res.screen.scenario.events).toEqual(sc.events);
  });

  it('reports a link cut short', () => {
    const frag = encodeShare(screen());
    const res = decodeShare(frag.slice(0, frag.length - 25));
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/damaged|incomplete/) });
  });

  it('reports a link without data, with garbage, or from a newer version', () => {
    expect(decodeShare('v1&step=2').ok).toBe(false);
    expect(decodeShare('hello').ok).toBe(false);
    const garbage = decodeShare('v1&data=%%%###');
    expect(garbage.ok).toBe(false);
    const newer = decodeShare('v9&data=abc');
    expect(!newer.ok && newer.message).toMatch(/newer version/);
  });

  it('reports a scenario the engine rejects, saying where', () => {
    const bad = twoCpuScenario();
    bad.events.push({ cpu: 5, op: 'user_fp' });
    const res = decodeShare(encodeShare(screen({ scenario: bad })));
    expect(!res.ok && res.message).toMatch(/events\[6\]\.cpu/);
  });

  it('reports a step that is not a number (v1 links have no checksum to catch it first)', () => {
    const frag = encodeShare(screen())
      .replace('v3&', 'v1&')
      .replace('step=3', 'step=abc')
      .replace(/&sum=.*$/, '');
    const res = decodeShare(frag);
    expect(!res.ok && res.message).toMatch(/step/);
  });

  it('treats titles with markup as plain data', () => {
    const sc = { ...twoCpuScenario(), title: '<img src=x onerror=alert(1)>' };
    const res = decodeShare(encodeShare(screen({ scenario: sc })));
    expect(res.ok && res.screen.scenario.title).toBe('<img src=x onerror=alert(1)>');
  });
});
