// Messages at the top of the page (bad links, unreadable storage), each dismissible; text only, with a
// download button when the notice carries data that could not be kept.
import { useNoticeStore } from '../state/stores/noticeStore';
import { downloadText } from './library/fileIo';

export function Notices() {
  const notices = useNoticeStore((s) => s.notices);
  const dismiss = useNoticeStore((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <div>
            <strong>{n.title}</strong>
            {n.detail && <p className="notice-detail">{n.detail}</p>}
            {n.downloads?.map((d) => (
              <button
                key={d.label}
                type="button"
                className="small"
                onClick={() => downloadText(d.text, d.fileName, 'application/json')}
              >
                {d.label}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="small"
            onClick={() => dismiss(n.id)}
            aria-label={`Dismiss: ${n.title}`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
