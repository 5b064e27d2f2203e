// Shared by the code pane's tests: the description of the engine's real source files (the module the
// app reads, `virtual:engine-code`) and a step's code blocks.
import engineCode from 'virtual:engine-code';
import {
  createMachine,
  findVariant,
  recordAt,
  replay,
  type Scenario,
  type Variant,
} from '../../../src/engine';
import { EXAMPLES } from '../../../src/scenarios';
import {
  codeSources,
  stepCode,
  type CodeBlock,
  type CodeSources,
} from '../../../src/state/codepane/codeModel';

export const ENGINE_CODE = engineCode;

/** The description of one engine file. */
export function fileOf(path: string) {
  const f = engineCode.files.find((x) => x.path === path);
  if (!f) throw new Error(`no engine file ${path}`);
  return f;
}

export function sourcesOf(v: Variant): CodeSources {
  const s = codeSources(v.era.id, engineCode);
  if (!s) throw new Error(`no source for ${v.era.id}`);
  return s;
}

export const example = (id: string): Scenario => EXAMPLES.find((e) => e.id === id)!.scenario;

export function codeAt(sc: Scenario, variantId: string, index: number): CodeBlock[] {
  const v = findVariant(variantId)!;
  const r = replay(createMachine(sc, v), sc.events);
  const rec = recordAt(r, index);
  return stepCode(rec.calls, v.era, rec.event.op, sourcesOf(v));
}

export const executedText = (b: CodeBlock): string[] =>
  b.lines.filter((l) => l.executed).map((l) => l.text.trim());
