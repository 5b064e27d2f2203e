// Shared by the code pane's tests: the engine's real source files and a step's code blocks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  eraImports,
  eraSource,
  stepCode,
  type CodeBlock,
  type CodeSources,
} from '../../../src/state/codeModel';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const read = (p: string) => ({ path: p, text: readFileSync(path.join(ROOT, p), 'utf8') });
export const ERA_FILES = readdirSync(path.join(ROOT, 'src/engine/eras')).map((f) =>
  read(`src/engine/eras/${f}`),
);
const MODULES = [
  ...ERA_FILES,
  ...readdirSync(path.join(ROOT, 'src/engine/kernel')).map((f) => read(`src/engine/kernel/${f}`)),
];

export function sourcesOf(v: Variant): CodeSources {
  const era = eraSource(v.era.id, ERA_FILES);
  if (!era) throw new Error(`no source for ${v.era.id}`);
  const imports = eraImports(era, MODULES);
  return {
    era,
    host: read('src/engine/kernel/fpsimd.ts'),
    driver: read('src/engine/events.ts'),
    lifecycle: read('src/engine/lifecycle.ts'),
    sveDriver: read('src/engine/sveOps.ts'),
    ...(imports.length ? { eraHost: imports } : {}),
  };
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
