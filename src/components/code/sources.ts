// The engine's own source text, for the code pane. Only the pane's lazily loaded chunk imports this,
// so the raw files stay out of the main bundle.
import type { Era } from '../../engine';
import driver from '../../engine/events.ts?raw';
import host from '../../engine/kernel/fpsimd.ts?raw';
import mainlineHost from '../../engine/kernel/fpsimd_mainline.ts?raw';
import lifecycle from '../../engine/lifecycle.ts?raw';
import { eraSource, type CodeSources, type SourceText } from '../../state/codeModel';

const eraFiles = import.meta.glob<string>('../../engine/eras/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const ERA_SOURCES: SourceText[] = Object.entries(eraFiles).map(([path, text]) => ({
  path: path.replace(/^(\.\.\/)+/, 'src/'),
  text,
}));

/** The sources behind an era's calls, or null for an era whose module is not found. */
export function sourcesFor(era: Era): CodeSources | null {
  const own = eraSource(era.id, ERA_SOURCES);
  if (!own) return null;
  return {
    era: own,
    host: { path: 'src/engine/kernel/fpsimd.ts', text: host },
    driver: { path: 'src/engine/events.ts', text: driver },
    lifecycle: { path: 'src/engine/lifecycle.ts', text: lifecycle },
    // An era that imports the mainline host side has its functions found before the shared ones.
    ...(own.text.includes("from '../kernel/fpsimd_mainline'")
      ? { eraHost: { path: 'src/engine/kernel/fpsimd_mainline.ts', text: mainlineHost } }
      : {}),
  };
}
