// SVE in links: the machine fields ("sve", "vhe", a task's "vcpuSve") and the SVE ops travel in the
// link's scenario; links written by the build that added them (tests/fixtures/links/v3-sve-links.json)
// keep decoding to the same screen; a scenario without them is encoded exactly as before.
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { SVE_OPS, type Scenario } from '../../../src/engine';
import { fromCompact, LinkError, toCompact } from '../../../src/state/links/linkCompact';
import { decodeShare, encodeShare, type SharedScreen } from '../../../src/state/links/share';

const fixtures = JSON.parse(
  readFileSync(`${import.meta.dirname}/../../fixtures/links/v3-sve-links.json`, 'utf8'),
) as { name: string; fragment: string; decoded: SharedScreen }[];

const screen = (scenario: Scenario): SharedScreen => ({
  scenario,
  variant: 'v6.16',
  step: 0,
  view: 'diagram',
  embed: false,
  cpu: 0,
});

describe('SVE links', () => {
  it('the fixtures cover "sve" true and false, "vhe" true and false, an SVE vcpu and every SVE op', () => {
    const scs = fixtures.map((f) => f.decoded.scenario);
    expect(new Set(scs.map((s) => s.sve))).toEqual(new Set([true, false]));
    expect(new Set(scs.map((s) => s.vhe))).toEqual(new Set([undefined, true, false]));
    expect(scs.some((s) => s.tasks.some((t) => t.vcpuSve))).toBe(true);
    const ops = new Set(scs.flatMap((s) => s.events.map((e) => e.op)));
    for (const op of SVE_OPS) expect(ops.has(op), op).toBe(true);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s decodes to the same screen', (_, f) => {
    expect(decodeShare(f.fragment)).toEqual({ ok: true, screen: f.decoded });
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s is written again as it was', (_, f) => {
    expect(encodeShare(f.decoded)).toBe(f.fragment);
  });

  it('writes no SVE key for a scenario without the SVE fields', () => {
    const sc: Scenario = {
      format: 'fpsimd-scenario/1',
      title: 'plain',
      cpus: 1,
      tasks: [{ id: 'qemu', vcpu: 'vcpu0' }],
      start: { '0': 'qemu' },
      events: [{ cpu: 0, op: 'ret_to_user' }],
    };
    const c = toCompact(sc);
    expect(Object.keys(c).sort()).toEqual(['c', 'e', 'k', 's', 't']);
    const frag = encodeShare(screen(sc));
    const data = frag.slice(frag.indexOf('&data=') + 6, frag.indexOf('&sum='));
    expect(LZString.decompressFromEncodedURIComponent(data)).toBe(
      '{"t":"plain","c":1,"k":"qemu:vcpu0","s":"qemu","e":"b0"}',
    );
  });

  it('refuses SVE fields a writer never produces, saying which', () => {
    const base = { t: 'x', c: 1, k: 'a', s: 'a', e: '' };
    expect(() => fromCompact({ ...base, z: 2 })).toThrow(LinkError);
    expect(() => fromCompact({ ...base, z: 2 })).toThrow(/SVE flag/);
    expect(() => fromCompact({ ...base, h: 'no' })).toThrow(/VHE flag/);
    expect(() => fromCompact({ ...base, k: 'a+' })).toThrow(/id:vcpu\+/);
    expect(fromCompact({ ...base, k: 'q:v+', s: 'q', z: 1, h: 0 })).toMatchObject({
      sve: true,
      vhe: false,
      tasks: [{ id: 'q', vcpu: 'v', vcpuSve: true }],
    });
  });
});
