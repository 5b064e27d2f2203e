// A variant's line sample: its colour, dash pattern and marker, as drawn in the charts.
import { markerPath, seriesStyle } from './series';

export function Swatch({ slot }: { slot: number }) {
  const s = seriesStyle(slot);
  return (
    <svg
      className={`cmp-swatch ${s.className}`}
      width="34"
      height="14"
      viewBox="0 0 34 14"
      aria-hidden="true"
    >
      <path d="M1,7 H33" className="cmp-line" strokeWidth={s.width} strokeDasharray={s.dash} />
      <path d={markerPath(s.marker, 40)} transform="translate(17,7)" className="cmp-marker" />
    </svg>
  );
}
