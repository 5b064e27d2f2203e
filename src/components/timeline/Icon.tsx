// Small inline icons for the step controls (no icon font: the app ships no web fonts).
const PATHS = {
  start: 'M3 3h2v10H3z M13 3v10L6 8z',
  back: 'M12 3v10L5 8z',
  play: 'M5 3v10l8-5z',
  pause: 'M4 3h3v10H4z M9 3h3v10H9z',
  forward: 'M4 3v10l7-5z M12 3h1.5v10H12z',
  end: 'M3 3v10l7-5z M11 3h2v10h-2z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
