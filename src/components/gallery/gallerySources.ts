// The engine files a historic fix can live in, as text (Vite's `?raw`), for the gallery's code
// comparison. Only the gallery's lazily loaded chunk imports this.
import events from '../../engine/events.ts?raw';
import host from '../../engine/kernel/fpsimd.ts?raw';
import mainlineHost from '../../engine/kernel/fpsimd_mainline.ts?raw';
import v6Host from '../../engine/kernel/fpsimd_v6.ts?raw';
import v6Ptrace from '../../engine/kernel/fpsimd_v6_ptrace.ts?raw';
import lifecycle from '../../engine/lifecycle.ts?raw';
import type { SourceText } from '../../state/codeModel';

const eraFiles = import.meta.glob<string>('../../engine/eras/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const GALLERY_SOURCES: readonly SourceText[] = [
  ...Object.entries(eraFiles).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, 'src/'), text })),
  { path: 'src/engine/kernel/fpsimd_mainline.ts', text: mainlineHost },
  { path: 'src/engine/kernel/fpsimd_v6.ts', text: v6Host },
  { path: 'src/engine/kernel/fpsimd_v6_ptrace.ts', text: v6Ptrace },
  { path: 'src/engine/kernel/fpsimd.ts', text: host },
  { path: 'src/engine/lifecycle.ts', text: lifecycle },
  { path: 'src/engine/events.ts', text: events },
];
