// "Copy link": the whole screen in a link (scenario, variant, step, view), optionally as an embed link
// that hides the controls. The link is also shown, selectable, in case the clipboard is unavailable.
import { useState } from 'react';
import { encodeShare } from '../../state/links/share';
import { currentScreen } from '../../state/links/urlSync';

export function ShareControls() {
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const copy = async (embed: boolean): Promise<void> => {
    const url = `${window.location.href.split('#')[0]}#${encodeShare({ ...currentScreen(), embed })}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`${embed ? 'Embed link' : 'Link'} copied (${url.length.toLocaleString('en')} characters).`);
    } catch {
      setStatus('The clipboard is not available here: copy the link from the box.');
    }
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void copy(false)}>
        Copy link
      </button>
      <button type="button" onClick={() => void copy(true)}>
        Copy embed link
      </button>
      <span role="status" className="hint">
        {status}
      </span>
      {link && (
        <input
          className="share-link"
          readOnly
          value={link}
          aria-label="Link to this screen"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
