// The app's views, selected by the URL's `view` field. A new view (compare, explore) adds an entry here
// and its component in src/components/views.tsx.
export interface ViewInfo {
  id: string;
  label: string;
}

export const VIEWS: ViewInfo[] = [
  { id: 'diagram', label: 'Step through' },
  { id: 'compare', label: 'Compare' },
  { id: 'explore', label: 'Explore' },
  { id: 'tour', label: 'Guided tours' },
];

export const DEFAULT_VIEW = 'diagram';

export function isView(id: string): boolean {
  return VIEWS.some((v) => v.id === id);
}
