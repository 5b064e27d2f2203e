// The keyboard shortcut list behind "?" (or the header's "Keys" button): its code is loaded when it is
// first opened.
import { useViewStore } from '../state/stores/viewStore';
import { lazyPart } from './boundary/ViewBoundary';

const ShortcutList = lazyPart(
  () => import('./ShortcutList'),
  'the keyboard shortcut list',
  'Loading the keyboard shortcuts…',
);

export function ShortcutHelp() {
  const open = useViewStore((s) => s.shortcutsOpen);
  return open ? <ShortcutList /> : null;
}
