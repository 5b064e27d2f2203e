// "Changed this step" is an outline, a ▸ mark and a `*`, never a fill: a fill could be read as an
// owner's colour. A row's outline and mark are always there and displayed only when it changed (plain
// class selectors, which SVG editors read too).
// The diagram's own style sheet, rendered inside the <svg> so that an exported SVG file looks the same
// standalone. Colours come from CSS variables (theme), resolved into the file on export.
export const DIAGRAM_VARS = [
  '--d-bg',
  '--d-panel',
  '--d-fg',
  '--d-muted',
  '--d-border',
  '--d-highlight',
  '--d-highlight-fg',
  '--d-change',
  '--d-danger',
  '--d-arrow',
] as const;

export const DIAGRAM_CSS = `
.fv-diagram { font-family: system-ui, 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 12px; }
.fv-diagram .fv-bg { fill: var(--d-bg); }
.fv-diagram text { fill: var(--d-fg); }
.fv-diagram .fv-muted { fill: var(--d-muted); }
.fv-diagram .fv-card { fill: var(--d-panel); stroke: var(--d-border); stroke-width: 1; }
.fv-diagram .fv-card.fv-changed { stroke: var(--d-change); stroke-width: 3; }
.fv-diagram .fv-card.fv-violation { stroke: var(--d-danger); stroke-width: 3.5; stroke-dasharray: 8 3; }
.fv-diagram .fv-title { font-weight: 700; font-size: 14px; }
.fv-diagram .fv-row-bg { fill: transparent; }
.fv-diagram .fv-row .fv-row-bg, .fv-diagram .fv-row .fv-change-mark { display: none; }
.fv-diagram .fv-row-changed .fv-row-bg, .fv-diagram .fv-row-changed .fv-change-mark { display: inline; }
.fv-diagram .fv-row text { font-size: 11.5px; }
.fv-diagram .fv-row-changed .fv-row-bg { fill: none; stroke: var(--d-change); stroke-width: 1.5; }
.fv-diagram .fv-row-changed text { font-weight: 700; fill: var(--d-fg); }
.fv-diagram .fv-change-mark { fill: var(--d-change); }
.fv-diagram .fv-tile { stroke: var(--d-fg); stroke-width: 1.5; }
.fv-diagram .fv-tile-stale { stroke-dasharray: 5 3; opacity: 0.55; }
.fv-diagram .fv-tile-empty { fill: none; stroke: var(--d-muted); stroke-dasharray: 3 3; }
.fv-diagram .fv-tile-changed { stroke: var(--d-change); stroke-width: 3.5; }
.fv-diagram .fv-tile-marked, .fv-diagram .fv-mark-bg { stroke: var(--d-danger); stroke-width: 4; stroke-dasharray: 6 3; }
.fv-diagram .fv-mark-bg { fill: none; stroke-width: 2.5; }
.fv-diagram .fv-row-marked text { font-weight: 700; }
.fv-diagram .fv-chip { fill: var(--d-panel); stroke: var(--d-border); }
.fv-diagram .fv-swatch { stroke: var(--d-fg); stroke-width: 1; }
.fv-diagram .fv-texture { stroke: rgba(0, 0, 0, 0.45); stroke-width: 1.4; fill: none; }
.fv-diagram .fv-texture-fill { fill: rgba(0, 0, 0, 0.45); }
.fv-diagram .fv-arrow, .fv-diagram .fv-legend-arrow { fill: none; stroke: var(--d-arrow); stroke-width: 2; }
.fv-diagram .fv-arrow.fv-changed { stroke: var(--d-change); stroke-width: 4; }
.fv-diagram .fv-arrowhead { fill: var(--d-arrow); }
.fv-diagram .fv-legend-text { font-size: 11.5px; }
.fv-diagram.fv-contain { width: 100%; height: 100%; }
.fv-diagram .fv-badge { fill: var(--d-danger); }
.fv-diagram .fv-badge-text { fill: #ffffff; font-weight: 700; }
.fv-diagram .fv-hatch-bg { fill: var(--d-panel); }
.fv-diagram .fv-hatch-dead { stroke: var(--d-muted); stroke-width: 2.5; }
.fv-diagram .fv-hatch-gone { stroke: var(--d-danger); stroke-width: 4; }
.fv-diagram .fv-hband { stroke: var(--d-fg); stroke-width: 1; }
.fv-diagram .fv-hband-stale { stroke-dasharray: 5 3; opacity: 0.55; }
.fv-diagram .fv-hband-gone { stroke: var(--d-danger); stroke-width: 2.5; }
.fv-diagram .fv-band-chip { fill: var(--d-panel); }
.fv-diagram .fv-row-gone text { font-weight: 700; }
@media (prefers-reduced-motion: no-preference) {
  .fv-diagram.fv-animate .fv-row-changed .fv-row-bg,
  .fv-diagram.fv-animate .fv-tile-changed { animation: fv-flash 600ms ease-out; }
  .fv-diagram.fv-animate .fv-arrow { transition: d 250ms ease-out; }
  .fv-diagram.fv-animate .fv-tile { transition: opacity 250ms; }
}
@keyframes fv-flash { from { opacity: 0.2; } to { opacity: 1; } }
`;
