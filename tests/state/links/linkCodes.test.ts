// The link format's op codes as checked data: an explicit frozen map (linkCompact.ts), every code the
// frozen link fixtures use read back from their payloads.
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { OPS, type Op, type ScenarioEvent } from '../../../src/engine';
import { OP_TABLE } from '../../../src/engine/ops';
import { LINK_CODES } from '../../../src/state/links/linkCompact';

const FIXTURES = `${import.meta.dirname}/../../fixtures/links`;
const readJson = <T>(name: string): T => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as T;

interface Fixture {
  name: string;
  fragment: string;
  decoded: { scenario: { events: ScenarioEvent[] } };
}
const links = ['v1-links.json', 'v2-links.json', 'v2-mainline-links.json'].flatMap((f) =>
  readJson<Fixture[]>(f),
);

/** The op code letters of a fixture's payload, one per event. */
function codesOf(l: Fixture): string[] {
  const data = /[?&]data=([^&]*)/.exec(l.fragment)![1];
  const e = (JSON.parse(LZString.decompressFromEncodedURIComponent(data)) as { e: string }).e;
  const out: string[] = [];
  for (let i = 0; i < e.length;) {
    out.push(e[i]);
    const op = l.decoded.scenario.events[out.length - 1].op;
    i += OP_TABLE[op].task ? 3 : 2;
  }
  return out;
}

describe('link op codes', () => {
  it('are frozen, one distinct lower-case letter per op, every op of the engine given one', () => {
    expect(Object.isFrozen(LINK_CODES)).toBe(true);
    expect(Object.keys(LINK_CODES).sort()).toEqual([...OPS].sort());
    const codes = Object.values(LINK_CODES);
    for (const c of codes) expect(c).toMatch(/^[a-z]$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keep the letters of tests/fixtures/links/op-codes.json', () => {
    const frozen = readJson<{ codes: Record<string, Op> }>('op-codes.json').codes;
    for (const [code, op] of Object.entries(frozen)) expect(LINK_CODES[op], op).toBe(code);
  });

  it('are the letters the frozen link fixtures were written with, for every op they hold', () => {
    const seen = new Map<Op, Set<string>>();
    for (const l of links)
      codesOf(l).forEach((code, i) => {
        const op = l.decoded.scenario.events[i].op;
        seen.set(op, (seen.get(op) ?? new Set()).add(code));
      });
    // Every op of op-codes.json and the section ops the v2 links hold.
    const frozen = Object.values(readJson<{ codes: Record<string, Op> }>('op-codes.json').codes);
    expect([...seen.keys()]).toEqual(expect.arrayContaining([...frozen, 'kernel_neon_begin', 'signal']));
    for (const [op, codes] of seen) expect([...codes], op).toEqual([LINK_CODES[op]]);
  });
});
