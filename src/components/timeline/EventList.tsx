// The scenario's events as a list box with the cursor. Only the rows in view are rendered (a scenario
// may have 100,000 events); the cursor's row is kept in view.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import {
  eventLabel,
  timelineRow,
  violationRows,
  type TimelineRow,
} from '../../state/viewmodels/timelineModel';
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
  let top = scrollTop;
  if (followed !== cursor) {
    const rowTop = cursor * ROW_PX;
    if (rowTop < top) top = rowTop;
    else if (rowTop + ROW_PX > top + height - 2) top = rowTop + ROW_PX - (height - 2); // 2: the borders
    setFollowed(cursor);
    if (top !== scrollTop) setScrollTop(top);
  }

  useLayoutEffect(() => {
    const el = box.current;
    if (el && scrolledTo.current !== scrollTop) {
      scrolledTo.current = scrollTop;
      ownScroll.current = true;
      el.scrollTop = scrollTop;
    }
  }, [scrollTop]);

  const slots = Math.ceil(height / ROW_PX) + 2 * OVERSCAN + 2;
  const first = Math.max(0, Math.floor(top / ROW_PX) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((top + height) / ROW_PX) + OVERSCAN);
  const rows: TimelineRow[] = [];
  for (let r = first; r <= last; r++) rows.push(timelineRow(replay, cursor, r, violations));

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
      }}
      onKeyDown={onTimelineKeyDown}
    >
      <div style={{ height: total * ROW_PX, position: 'relative' }}>
        {rows.map((r) => {
          const selectable = r.status !== 'illegal' && r.status !== 'unreached';
          return (
            <div
              // Rows recycle their element by slot: a jump rewrites rows instead of rebuilding them,
              // and a step moves one slot from the top of the window to its bottom. Rows stay in
              // reading order in the DOM.
              key={r.row % slots}
              id={`event-row-${r.row}`}
              role="option"
              aria-selected={r.row === cursor}
              aria-disabled={!selectable || undefined}
              aria-posinset={r.row + 1}
              aria-setsize={total}
              className={`event-row status-${r.status}${r.violation ? ' has-violation' : ''}`}
              style={{ top: r.row * ROW_PX, height: ROW_PX }}
              onClick={() => selectable && setCursor(r.row)}
              title={r.reason ?? r.event?.note ?? undefined}
            >
              {/* One text node per row (number and event): a jump rewrites every row, and each
                  extra node costs layout and paint on that frame. */}
              <span className="event-text">{`${rowNumber(r.row, digits)} ${rowText(r)}`}</span>
              {r.event?.note !== undefined && <span className="event-tag">note</span>}
              {r.violation && <span className="event-tag tag-danger">⚠ violation</span>}
              {STATUS_TEXT[r.status] && <span className="event-tag tag-warn">{STATUS_TEXT[r.status]}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
