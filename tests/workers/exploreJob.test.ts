// One search job as the worker runs it: progress, then the result; a cancel; a bad request.
import { describe, expect, it } from 'vitest';
import { runJob, yieldToEvents } from '../../src/workers/exploreJob';
import type { FromExplorer, StartMessage } from '../../src/workers/protocol';

const request = (over: Partial<StartMessage> = {}): StartMessage => ({
  type: 'start',
  id: 1,
  config: { cpus: 1, tasks: [{ id: 'qemu', vcpu: 'vcpu0' }], start: { '0': 'qemu' } },
  variant: 'v4.18/no-put-flush',
  depth: 10,
  symmetry: false,
  dead: false,
  maxStates: 1_000_000,
  ...over,
});

function collect(msg: StartMessage, onFirst?: (job: { cancel(): void }) => void) {
  const got: FromExplorer[] = [];
  return new Promise<FromExplorer[]>((resolve) => {
    let first = true;
    const job = runJob(msg, (m) => {
      got.push(m);
      if (first && onFirst) {
        first = false;
        onFirst(job);
      }
      if (m.type !== 'progress') resolve(got);
    });
    // Nothing is posted from inside runJob itself.
    expect(got).toEqual([]);
  });
}

describe('explore job', () => {
  it('posts progress, then the result with its wall time', async () => {
    const got = await collect(request());
    expect(got[0]).toMatchObject({ type: 'progress', id: 1, progress: { states: 1 } });
    const last = got.at(-1);
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.result).toMatchObject({ variant: 'v4.18/no-put-flush', complete: true });
    expect(last.result.violations.map((v) => `${v.kind} ${v.context}`)).toContain('leak qemu');
    expect(last.elapsedMs).toBeGreaterThan(0);
  });

  it('stops when cancelled and posts what it has, incomplete', async () => {
    const big = request({
      config: {
        cpus: 3,
        tasks: [{ id: 'qemu', vcpu: 'vcpu0' }, { id: 'qemu2', vcpu: 'vcpu1' }, { id: 'editor' }],
        start: { '0': 'qemu' },
      },
      depth: 40,
    });
    const got = await collect(big, (job) => job.cancel());
    const last = got.at(-1);
    expect(last?.type).toBe('done');
    if (last?.type === 'done') expect(last.result).toMatchObject({ complete: false, stopped: 'cancelled' });
  });

  it('says what is wrong with a bad request', async () => {
    const got = await collect(request({ variant: 'v9.99' }));
    expect(got).toEqual([
      { type: 'error', id: 1, message: expect.stringMatching(/unknown variant "v9\.99"/) },
    ]);
    const neg = await collect(request({ depth: -1 }));
    expect(neg).toEqual([{ type: 'error', id: 1, message: expect.stringMatching(/depth/) }]);
  });

  it('yields to queued events', async () => {
    let ran = false;
    setTimeout(() => (ran = true), 0);
    for (let i = 0; i < 20 && !ran; i++) await yieldToEvents();
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toBe(true);
  });
});
