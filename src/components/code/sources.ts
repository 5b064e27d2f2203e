// The engine's own source text, for the code pane. Only the pane's lazily loaded chunk imports this,
// so the raw files stay out of the main bundle.
import type { Era } from '../../engine';
import driver from '../../engine/events.ts?raw';
import host from '../../engine/kernel/fpsimd.ts?raw';
import lifecycle from '../../engine/lifecycle.ts?raw';
import sveDriver from '../../engine/sveOps.ts?raw';
import { eraImports, eraSource, type CodeSources, type SourceText } from '../../state/codeModel';

const eraFiles = import.meta.glob<string>('../../engine/eras/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const kernelFiles = import.meta.glob<string>('../../engine/kernel/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const asSources = (files: Record<string, string>): SourceText[] =>
  Object.entries(files).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, 'src/'), text }));

const ERA_SOURCES: SourceText[] = asSources(eraFiles);
const MODULES: SourceText[] = [...ERA_SOURCES, ...asSources(kernelFiles)];

/** The sources behind an era's calls, or null for an era whose module is not found. */
export function sourcesFor(era: Era): CodeSources | null {
  const own = eraSource(era.id, ERA_SOURCES);
  if (!own) return null;
  // The modules an era imports functions from (the host side since v6.8, v6.16's v6_15.ts) are
  // searched before the shared host side.
  const imports = eraImports(own, MODULES);
  return {
    era: own,
    host: { path: 'src/engine/kernel/fpsimd.ts', text: host },
    driver: { path: 'src/engine/events.ts', text: driver },
    lifecycle: { path: 'src/engine/lifecycle.ts', text: lifecycle },
    sveDriver: { path: 'src/engine/sveOps.ts', text: sveDriver },
    ...(imports.length ? { eraHost: imports } : {}),
  };
}
