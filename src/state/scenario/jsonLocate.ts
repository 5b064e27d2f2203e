// Where in scenario text an error is: the JSON editor shows every error with its line and column and
// marks it in the text. The reader names syntax errors by line and column and schema errors by JSON path
// (`events[3].op`); a path is found here by walking the text, in the checker's worker, never per key.

/** One step of a JSON path: a key or an index. */
export type PathStep = string | number;

/** `events[3].op`, `start.0`, `["odd key"].x` as steps; null when it is not a path (e.g. `end of file`). */
export function parsePath(where: string): PathStep[] | null {
  const steps: PathStep[] = [];
  const re = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z0-9_$]+)/y;
  let i = 0;
  while (i < where.length) {
    re.lastIndex = i;
    const m = re.exec(where);
    if (!m || (m[3] !== undefined && i > 0 && where[i] !== '.')) return null;
    if (m[1] !== undefined) steps.push(Number(m[1]));
    else if (m[2] !== undefined) steps.push(JSON.parse(m[2]) as string);
    else steps.push(m[3]);
    i = re.lastIndex;
  }
  return steps.length ? steps : null;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** End (past the closing quote) of the JSON string opening at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j + 1;
  }
  return text.length;
}

/** End of the JSON value starting at `i` (valid JSON assumed). */
function valueEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length;) {
    const c = text.charCodeAt(j);
    if (c === 34) {
      j = stringEnd(text, j);
      if (depth === 0) return j;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth <= 0) return j + 1;
    } else if (depth === 0 && (c === 44 || isSpace(c))) return j;
    j++;
  }
  return text.length;
}

/**
 * Offset of the value at `path` in valid JSON text; where the path stops existing (a required key that
 * is missing), the offset of the deepest value that does exist.
 */
export function pathOffset(text: string, path: readonly PathStep[]): number {
  let at = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  for (const step of path) {
    const open = text.charCodeAt(at);
    let i = skipSpace(text, at + 1);
    let found = -1;
    if (open === 123) {
      while (i < text.length && text.charCodeAt(i) === 34) {
        const keyEnd = stringEnd(text, i);
        const raw = text.slice(i + 1, keyEnd - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
        const v = skipSpace(text, skipSpace(text, keyEnd) + 1);
        if (key === String(step)) {
          found = v;
          break;
        }
        i = skipSpace(text, valueEnd(text, v));
        if (text.charCodeAt(i) !== 44) break;
        i = skipSpace(text, i + 1);
      }
    } else if (open === 91) {
      const want = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : -1;
      for (let n = 0; want >= 0 && i < text.length && text.charCodeAt(i) !== 93; n++) {
        if (n === want) {
          found = i;
          break;
        }
        i = skipSpace(text, valueEnd(text, i));
        if (text.charCodeAt(i) !== 44) break;
        i = skipSpace(text, i + 1);
      }
    } else return at;
    if (found < 0) return at;
    at = found;
  }
  return at;
}

/** Lines of a text, found once: offset to line and column in O(log lines). */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
