// Large links are decoded off the page's thread: the page answers meanwhile, the address keeps the link,
// and the newest link wins. Small links are decoded at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linkDecoder, QUICK_DATA_CHARS, type LinkDecoder } from '../../../src/state/links/linkDecoder';
import { useNoticeStore } from '../../../src/state/stores/noticeStore';
import { useScenarioStore } from '../../../src/state/stores/scenarioStore';
import { decodeShare, encodeShare, type DecodeResult } from '../../../src/state/links/share';
import { startUrlSync } from '../../../src/state/links/urlSync';
import { bombPayload } from './linkBomb';
import { fullNotes } from './linkLimitScenarios';
import { guestScenario, resetStores, twoCpuScenario } from '../fixtures';

const linkTo = (title: string, step = 2): string =>
  encodeShare({
    scenario: { ...twoCpuScenario(), title },
    variant: 'v4.18',
    step,
    view: 'diagram',
    embed: false,
    cpu: 0,
  });

/** A decoder whose answers the test releases one by one. */
function heldDecoder(): { decode: LinkDecoder; asked: string[]; release(i: number): Promise<void> } {
  const waiting: { fragment: string; resolve: (r: DecodeResult) => void }[] = [];
  return {
    decode: (fragment) => new Promise((resolve) => waiting.push({ fragment, resolve })),
    get asked() {
      return waiting.map((w) => w.fragment);
    },
    async release(i) {
      waiting[i].resolve(decodeShare(waiting[i].fragment));
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<DecodeResult>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: string[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(fragment: string): void {
    this.received.push(fragment);
    queueMicrotask(() => this.onmessage?.({ data: decodeShare(fragment) } as MessageEvent<DecodeResult>));
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('linkDecoder', () => {
  beforeEach(() => (FakeWorker.made = []));
  const make = () => new FakeWorker() as unknown as Worker;

  it('decodes a small link at once, without a worker', () => {
    const res = linkDecoder(make)(linkTo('Small'));
    expect(res instanceof Promise).toBe(false);
    expect(!(res instanceof Promise) && res.ok).toBe(true);
    expect(FakeWorker.made).toEqual([]);
  });

  it('hands a link whose data is larger than the quick budget to a worker, and stops it after', async () => {
    const frag = encodeShare({
      scenario: fullNotes(5),
      variant: 'v4.18',
      step: 0,
      view: 'diagram',
      embed: false,
      cpu: 0,
    });
    expect(JSON.stringify(fullNotes(5)).length).toBeGreaterThan(QUICK_DATA_CHARS);
    const res = linkDecoder(make)(frag);
    expect(res instanceof Promise).toBe(true);
    expect(FakeWorker.made[0].received).toEqual([frag]);
    expect(await res).toEqual(decodeShare(frag));
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it('hands a crafted huge link to the worker too, which refuses it', async () => {
    const res = await linkDecoder(make)(`v1&data=${bombPayload(31_623)}`);
    expect(!res.ok && res.message).toMatch(/unpacks to more than/);
  });

  it('decodes here when the worker cannot start', async () => {
    const res = await linkDecoder(() => {
      throw new Error('no workers here');
    })(`v1&data=${bombPayload(1000)}`);
    expect(res.ok).toBe(false);
  });
});

describe('opening a link that decodes slowly', () => {
  beforeEach(() => {
    resetStores(guestScenario());
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#');
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the page answering, says it is opening, and opens it when decoded', async () => {
    const held = heldDecoder();
    const stop = startUrlSync(window, 100, held.decode);
    const link = linkTo('Pasted');
    window.location.hash = link;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(held.asked).toEqual([link]);
    // Nothing opened yet, the page still steps, and the address keeps the link meanwhile.
    expect(useScenarioStore.getState().scenario.title).toBe('Guest first FP');
    useScenarioStore.getState().stepBy(1);
    vi.advanceTimersByTime(500);
    expect(window.location.hash).toBe(`#${link}`);
    expect(useNoticeStore.getState().notices.map((n) => n.title)).toEqual(['Opening the link…']);
    await held.release(0);
    expect(useScenarioStore.getState().scenario.title).toBe('Pasted');
    expect(useScenarioStore.getState().cursor).toBe(2);
    expect(useNoticeStore.getState().notices).toEqual([]);
    stop();
  });

  it('opens the newest of two links pasted while the first was decoding', async () => {
    const held = heldDecoder();
    const stop = startUrlSync(window, 100, held.decode);
    for (const title of ['First', 'Second']) {
      window.location.hash = linkTo(title);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
    await held.release(1);
    await held.release(0);
    expect(useScenarioStore.getState().scenario.title).toBe('Second');
    stop();
  });

  it('opens the link already in the address at start, and reports a bad one', async () => {
    const held = heldDecoder();
    window.history.replaceState(null, '', `#${linkTo('At start', 3)}`);
    const stop = startUrlSync(window, 100, held.decode, true);
    expect(held.asked).toHaveLength(1);
    await held.release(0);
    expect(useScenarioStore.getState().scenario.title).toBe('At start');
    window.location.hash = `v1&data=${bombPayload(31_623)}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await held.release(1);
    const [notice] = useNoticeStore.getState().notices;
    expect(notice.title).toBe('This link could not be opened');
    expect(notice.detail).toMatch(/unpacks to more than 5,000,000 characters/);
    expect(useScenarioStore.getState().scenario.title).toBe('At start');
    // The refused link stays in the address (it is not overwritten by the screen) until the screen changes.
    vi.advanceTimersByTime(1000);
    expect(window.location.hash).toMatch(/^#v1&data=/);
    stop();
  });
});
