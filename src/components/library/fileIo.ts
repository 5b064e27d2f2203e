// Scenario files in and out of the browser: read a chosen file, offer a scenario for download.
import { decodeUtf8, formatErrors, parseScenario, printScenario, type Scenario } from '../../engine';
import { useNoticeStore } from '../../state/stores/noticeStore';

export function slug(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'scenario';
}

export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/** Saves `blob` as a file named `name` through a temporary link. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Why the importer (and the CLI, which share its limits) would refuse this file, or null. */
export function exportProblem(text: string): string | null {
  const res = parseScenario(text);
  return res.ok ? null : formatErrors(res.errors);
}

/**
 * Offers the scenario as a file, unless the importer would refuse that file (e.g. over the size
 * limit): then nothing is written and a notice says why. Returns whether the file was offered.
 */
export function exportScenario(sc: Scenario): boolean {
  const text = printScenario(sc);
  const problem = exportProblem(text);
  if (problem !== null) {
    useNoticeStore
      .getState()
      .push(
        'error',
        'The scenario was not exported',
        `${problem}\nNo file was written: fpsimd-viz could not import it again, nor could its command line. ` +
          'The scenario is still open here; remove events or shorten notes, then export again.',
      );
    return false;
  }
  downloadText(text, `${slug(sc.title)}.json`, 'application/json');
  return true;
}

function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('the file could not be read'));
    r.readAsArrayBuffer(file);
  });
}

/**
 * A file's text, read as the CLI reads one (decodeUtf8): UTF-16 or bytes that are not UTF-8 come back
 * as what they are ("UTF-16 text ...; save it as UTF-8"), not as replacement characters.
 */
export async function readFileText(
  file: Blob,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  return decodeUtf8(await readFileBytes(file));
}
