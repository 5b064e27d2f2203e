import { describe, expect, it } from 'vitest';
import { printScenario } from '../../../src/engine';
import { lineIndex, parsePath, pathOffset } from '../../../src/state/scenario/jsonLocate';
import { checkScenarioText } from '../../../src/state/scenario/scenarioCheck';
import { guestScenario } from '../fixtures';

describe('jsonLocate', () => {
  it('reads the reader’s paths and nothing else', () => {
    expect(parsePath('events[3].op')).toEqual(['events', 3, 'op']);
    expect(parsePath('start.0')).toEqual(['start', '0']);
    expect(parsePath('tasks[1]["odd key"]')).toEqual(['tasks', 1, 'odd key']);
    expect(parsePath('line 4, column 2')).toBeNull();
    expect(parsePath('end of file')).toBeNull();
    expect(parsePath('')).toBeNull();
  });

  it('finds a path’s value, or the deepest part of it that exists', () => {
    const text = '{"a": {"b\\u0022": [1, {"c": "x,y"}, [2]]}, "d": 3}';
    const at = (p: (string | number)[]) => text.slice(pathOffset(text, p), pathOffset(text, p) + 6);
    expect(at(['d'])).toBe('3}');
    expect(at(['a', 'b"', 1, 'c'])).toBe('"x,y"}');
    expect(at(['a', 'b"', 2, 0])).toBe('2]]}, ');
    expect(at(['a', 'missing'])).toBe('{"b\\u0');
    expect(at(['a', 'b"', 9])).toBe('[1, {"');
  });

  it('gives each offset its line and column', () => {
    const where = lineIndex('ab\ncd\n\nef');
    expect(where(0)).toEqual({ line: 1, column: 1 });
    expect(where(4)).toEqual({ line: 2, column: 2 });
    expect(where(7)).toEqual({ line: 4, column: 1 });
  });

  it('places every error of a scenario check in the text', () => {
    const text = printScenario(guestScenario()).replace('"op":"guest_fp"', '"op":"guest_fq"');
    const r = checkScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems[0];
    expect(p.at).not.toBeNull();
    expect(text.slice(p.at!.offset)).toMatch(/^"guest_fq"/);
    expect(p.text).toMatch(`events[4].op (line ${p.at!.line}, column ${p.at!.column}): `);
    const bom = checkScenarioText(`\ufeff{"format": }`);
    expect(bom.ok || bom.problems[0].text).toMatch(/^line 1, column 12: not valid JSON/);
    expect(bom.ok || bom.problems[0].at!.offset).toBe(12);
    const cut = checkScenarioText('{\n"format": "fpsimd-scenario/1"');
    expect(cut.ok || cut.problems[0].text).toMatch(/^end of file \(line 2, column 30\): not valid JSON/);
  });
});
