// The app's views, selected by the URL's `view` field. A new view adds its label here; the compiler then
// asks for its component in src/components/views.tsx.
const VIEW_LABELS = {
  diagram: 'Step through',
  compare: 'Compare',
  explore: 'Explore',
  tour: 'Guided tours',
  gallery: 'Bug gallery',
} as const;

export type ViewId = keyof typeof VIEW_LABELS;

export interface ViewInfo {
  id: ViewId;
  label: string;
}

/** The views in tab order. */
export const VIEWS: readonly ViewInfo[] = (Object.keys(VIEW_LABELS) as ViewId[]).map((id) => ({
  id,
  label: VIEW_LABELS[id],
}));

export const DEFAULT_VIEW: ViewId = 'diagram';

export function isView(id: string): id is ViewId {
  return Object.hasOwn(VIEW_LABELS, id);
}
