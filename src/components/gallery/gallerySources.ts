// The engine files a historic fix can live in, as text (Vite's `?raw`), for the gallery's code
// comparison. Only the gallery's lazily loaded chunk imports this.
import events from '../../engine/events.ts?raw';
import lifecycle from '../../engine/lifecycle.ts?raw';
import sveOps from '../../engine/sveOps.ts?raw';
import type { SourceText } from '../../state/codeModel';

const eraFiles = import.meta.glob<string>('../../engine/eras/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
// Every host-side kernel file (fpsimd.ts, fpsimd_mainline.ts and the SVE eras' own copies).
const kernelFiles = import.meta.glob<string>('../../engine/kernel/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const asSources = (files: Record<string, string>): SourceText[] =>
  Object.entries(files).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, 'src/'), text }));

export const GALLERY_SOURCES: readonly SourceText[] = [
  ...asSources(eraFiles),
  // The newer host file first, as before: a fix test found in both is shown from it.
  ...asSources(kernelFiles).sort(
    (a, b) => Number(b.path.includes('mainline')) - Number(a.path.includes('mainline')),
  ),
  { path: 'src/engine/lifecycle.ts', text: lifecycle },
  { path: 'src/engine/events.ts', text: events },
  { path: 'src/engine/sveOps.ts', text: sveOps },
];
