// A replay's view bounds: the most any step's view holds, which the diagram is sized for.
import { describe, expect, it } from 'vitest';
import {
  boundingView,
  createMachine,
  describeState,
  findVariant,
  randomScenario,
  replay,
  stateAt,
  type StateView,
} from '../../src/engine';

const sc = randomScenario({ cpus: 4, vcpuThreads: 2, tasks: 3, kthreads: 1 }, 3000, 11);
const m = createMachine(sc, findVariant('v6.15')!);
const r = replay(m, sc.events, { every: 64 });
const views: StateView[] = Array.from({ length: r.length + 1 }, (_, n) => describeState(m, stateAt(r, n)));
const kernelCards = (v: StateView) => v.contexts.filter((c) => c.kind === 'kernel_neon').length;
const has = (v: StateView, key: string) => v.contexts.some((c) => key in c);

describe('replay bounds', () => {
  it('hold the most TASK.kernel owners any step lists, and the optional fields some step shows', () => {
    expect(r.length).toBe(3000);
    expect(r.bounds.kernelListed).toBe(Math.max(...views.map(kernelCards)));
    expect(r.bounds.kernelListed).toBeGreaterThan(1);
    expect(r.bounds.signalFrames).toBe(views.some((v) => has(v, 'signalFrames')));
    expect(r.bounds.kernelFpstate).toBe(views.some((v) => has(v, 'TIF_KERNEL_FPSTATE')));
    expect(r.bounds.signalFrames || r.bounds.kernelFpstate).toBe(true);
  });

  it("give a bounding view with every context's widest form and room for the kernel-mode owners", () => {
    const b = boundingView(m, stateAt(r, 0), r.bounds);
    expect(b.contexts).toHaveLength(sc.tasks.length + 2 + r.bounds.kernelListed);
    expect(kernelCards(b)).toBe(r.bounds.kernelListed);
    const keysOf = (id: string) => {
      const wide = b.contexts.find((w) => w.id === id || (id === 'kernel' && w.kind === 'kernel_neon'));
      return new Set(Object.keys(wide ?? {}));
    };
    const wide = new Map(b.contexts.map((c) => [c.kind === 'kernel_neon' ? 'kernel' : c.id, keysOf(c.id)]));
    const missing = new Set<string>();
    for (const v of views)
      for (const c of v.contexts) {
        // Every key a step shows for a context, its bounding form shows too.
        const keys = wide.get(c.kind === 'kernel_neon' ? 'kernel' : c.id);
        for (const key of Object.keys(c)) if (!keys?.has(key)) missing.add(`${c.id}.${key}`);
      }
    expect([...missing]).toEqual([]);
  });

  it('stay empty for a replay without kernel-mode NEON or lifecycle fields', () => {
    const quiet = { ...sc, events: sc.events.filter((e) => e.op === 'schedule') };
    const q = replay(m, quiet.events);
    expect(q.bounds).toEqual({ kernelListed: 0, signalFrames: false, kernelFpstate: false });
  });
});
