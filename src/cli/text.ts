// Text that came from input (scenario files, arguments) is shown escaped: a title or key holding an
// escape sequence or a newline must not retitle or clear the terminal or forge lines of output.

/** C0 and C1 controls, DEL, line/paragraph separators and bidi overrides (they reorder what is shown). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

const hex = (c: string, width: number): string => c.charCodeAt(0).toString(16).padStart(width, '0');

/** One visible line: every unsafe character as an escape (`\e`, `\n`, `\x9b`, `\u202e`). */
export function esc(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? (c <= '\u00ff' ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** UNSAFE less the C0 controls: JSON.stringify escapes those in strings, and its own newlines stay. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Indented JSON for the terminal: the rest of UNSAFE escaped as \uXXXX, which reads back the same. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}

/** Every line of `text` through esc, its newlines kept: esc is idempotent, so escaped text is unchanged. */
export function escLines(text: string): string {
  return text.split('\n').map(esc).join('\n');
}

/** An event as the reports list it: `cpu0 schedule editor`. */
export const eventText = (ev: { cpu: number; op: string; task?: string }): string =>
  `cpu${ev.cpu} ${ev.op}${ev.task ? ` ${ev.task}` : ''}`;
