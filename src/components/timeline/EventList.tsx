// The scenario's events as a list box with the cursor. Only the rows in view are rendered (a scenario
// may have 100,000 events); the cursor's row is kept in view.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import {
  eventLabel,
  timelineRow,
  violationRows,
  type TimelineRow,
} from '../../state/viewmodels/timelineModel';
import { DETAIL_DELAY_MS } from '../useSettled';
import { onTimelineKeyDown } from './useTimelineKeys';

export const ROW_PX = 30;
const OVERSCAN = 3;

const STATUS_TEXT: Record<TimelineRow['status'], string> = {
  initial: '',
  done: '',
  current: '',
  ahead: '',
  illegal: 'not legal here',
  unreached: 'not replayed',
};

/** The row number right-aligned in figure spaces (as wide as a digit), so the labels line up. */
function rowNumber(row: number, digits: number): string {
  return (row === 0 ? '' : String(row)).padStart(digits, '\u2007');
}

function rowText(r: TimelineRow): string {
  return r.event ? eventLabel(r.event) : 'Initial state';
}

export function EventList({ height = 360 }: { height?: number }) {
  const replay = useScenarioStore((s) => s.replay);
  const cursor = useScenarioStore((s) => s.cursor);
  const setCursor = useScenarioStore((s) => s.setCursor);
  const violations = useMemo(() => violationRows(replay), [replay]);
  // The scroll offset the rows are drawn for. Following the cursor is derived here, during render,
  // so a step costs one render and one layout (no DOM reads, no second commit).
  const [scrollTop, setScrollTop] = useState(0);
  const scrolledTo = useRef(0);
  /** Set when we scroll the list ourselves: its scroll event then needs no (layout-forcing) read. */
  const ownScroll = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const total = replay.events.length + 1;
  const digits = String(total - 1).length;
  // -1: the first render follows the cursor too, so a list opened at step N (a link) shows row N.
  const [followed, setFollowed] = useState(-1);
  // The rows out of view (the overscan, for smooth wheel scrolling) are drawn once the cursor rests:
  // a jump to another part of the list draws only the rows in view, so rapid jumps (a scrubber drag)
  // never build rows nobody sees. Scrolling by hand draws them at once.
  const [rested, setRested] = useState(true);
  let top = scrollTop;
  if (followed !== cursor) {
    const rowTop = cursor * ROW_PX;
    if (rowTop < top) top = rowTop;
    else if (rowTop + ROW_PX > top + height - 2) top = rowTop + ROW_PX - (height - 2); // 2: the borders
    setFollowed(cursor);
    if (top !== scrollTop) setScrollTop(top);
    if (rested && Math.abs(top - scrollTop) >= height) setRested(false);
  }
  useEffect(() => {
    if (rested) return;
    const timer = setTimeout(() => setRested(true), DETAIL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [rested, cursor]);

  useLayoutEffect(() => {
    const el = box.current;
    if (el && scrolledTo.current !== scrollTop) {
      scrolledTo.current = scrollTop;
      ownScroll.current = true;
      el.scrollTop = scrollTop;
    }
  }, [scrollTop]);

  const slots = Math.ceil(height / ROW_PX) + 2 * OVERSCAN + 2;
  const overscan = rested ? OVERSCAN : 0;
  const first = Math.max(0, Math.floor(top / ROW_PX) - overscan);
  const last = Math.min(total - 1, Math.ceil((top + height) / ROW_PX) + overscan);
  // The window's first row and slot shift, derived during render like the scroll offset above.
  const [shown, setShown] = useState<{ first: number; shift: number } | null>(null);
  const shift = slotShift(shown, first, slots);
  if (shown?.first !== first || shown.shift !== shift) setShown({ first, shift });
  const rows: ReactElement[] = [];
  for (let r = first; r <= last; r++) {
    const row = timelineRow(replay, cursor, r, violations);
    rows.push(
      <EventRow
        key={(r + shift) % slots}
        row={r}
        total={total}
        text={`${rowNumber(r, digits)} ${rowText(row)}`}
        status={row.status}
        selected={r === cursor}
        violation={row.violation}
        note={row.event?.note}
        title={row.reason ?? row.event?.note ?? undefined}
        onSelect={setCursor}
      />,
    );
  }

  return (
    <div
      ref={box}
      className="event-list"
      role="listbox"
      tabIndex={0}
      aria-label="Events (arrow keys step, Home and End jump, Space plays)"
      aria-activedescendant={`event-row-${cursor}`}
      style={{ height }}
      onScroll={(e) => {
        if (ownScroll.current) {
          ownScroll.current = false;
          return;
        }
        scrolledTo.current = e.currentTarget.scrollTop;
        setScrollTop(scrolledTo.current);
        setRested(true);
      }}
      onKeyDown={onTimelineKeyDown}
    >
      <div style={{ height: total * ROW_PX, position: 'relative' }}>{rows}</div>
    </div>
  );
}

/**
 * Rows recycle their element by slot, `(row + shift) % slots`, and stay in reading order in the DOM.
 * Scrolling by a few rows (a step) keeps the shift: the rows still in view keep their elements and the
 * one that left is reused at the other end (one move). A jump to rows out of the window picks the shift
 * that gives the new first row the old first row's slot: every element stays where it is and only its
 * content is rewritten (with the old shift, React would move a third of the rows on average, and a
 * moved row is taken out of the layout tree and built again).
 */
function slotShift(prev: { first: number; shift: number } | null, first: number, slots: number): number {
  if (prev === null) return 0;
  if (Math.abs(first - prev.first) < slots) return prev.shift;
  return (((prev.first + prev.shift - first) % slots) + slots) % slots;
}

interface RowProps {
  row: number;
  total: number;
  text: string;
  status: TimelineRow['status'];
  selected: boolean;
  violation: boolean;
  note: string | undefined;
  title: string | undefined;
  onSelect: (row: number) => void;
}

/** One row; memoised on its own values, so a step re-renders only the two rows whose status changed. */
const EventRow = memo(function EventRow({
  row,
  total,
  text,
  status,
  selected,
  violation,
  note,
  title,
  onSelect,
}: RowProps) {
  const selectable = status !== 'illegal' && status !== 'unreached';
  return (
    <div
      id={`event-row-${row}`}
      role="option"
      aria-selected={selected}
      aria-disabled={!selectable || undefined}
      aria-posinset={row + 1}
      aria-setsize={total}
      className={`event-row status-${status}${violation ? ' has-violation' : ''}`}
      style={{ top: row * ROW_PX, height: ROW_PX }}
      onClick={() => selectable && onSelect(row)}
      title={title}
    >
      {/* One text node per row (number and event): a jump rewrites every row, and each extra node
          costs layout and paint on that frame. */}
      <span className="event-text">{text}</span>
      {note !== undefined && <span className="event-tag">note</span>}
      {violation && <span className="event-tag tag-danger">⚠ violation</span>}
      {STATUS_TEXT[status] && <span className="event-tag tag-warn">{STATUS_TEXT[status]}</span>}
    </div>
  );
});
