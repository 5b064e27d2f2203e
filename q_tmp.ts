import { GALLERY_MACHINE, galleryVariants, VARIANTS, ERAS } from './src/engine';
import { explore } from './src/engine/explore';
const mode = process.argv[2];
const depth = Number(process.argv[3]);
const t0 = Date.now();
if (mode === 'bugs')
  for (const v of galleryVariants()) {
    const r = explore(GALLERY_MACHINE, v, { depth, stopAtViolation: true, shouldStop: () => Date.now() - t0 > 100000 });
    const c = r.violations[0];
    console.log(v.id, r.states, r.seconds.toFixed(2), r.stopped, c ? `${c.kind} ${c.context} ${c.events.length}` : 'none');
  }
else
  for (const e of ERAS) {
    const v = VARIANTS.find((x) => x.id === e.id)!;
    const r = explore(GALLERY_MACHINE, v, { depth, shouldStop: () => Date.now() - t0 > 100000 });
    console.log(v.id, r.states, r.seconds.toFixed(2), r.stopped, r.exploredDepth, r.exhausted, r.violations.length);
  }
