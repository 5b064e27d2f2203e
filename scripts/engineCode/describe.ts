// Describes the engine's kernel code from its syntax trees (TypeScript compiler API): every top-level
// function and every method of an Era object, with its enter/stmt/on/fixed sites, the hooks it is
// assigned to and, per line, what the kernel-side column needs. Layout carries no meaning: only the
// syntax is read, and lines are reported where the nodes start and end.
import ts from 'typescript';
import type {
  EngineCode,
  EngineFile,
  EngineUnit,
  EnterSite,
  FixedSite,
  LineFacts,
  StmtSite,
} from '../../src/state/codepane/engineCode.ts';
import {
  comments,
  descendants,
  eraObject,
  hooksBase,
  headCall,
  isKCall,
  Lines,
  literal,
  Modules,
  resolveValue,
  siblings,
  strings,
  type Module,
  type SourceText,
} from './syntax.ts';

export type { SourceText } from './syntax.ts';

function describeUnit(
  m: Module,
  mods: Modules,
  name: string,
  node: ts.FunctionDeclaration | ts.MethodDeclaration | ts.PropertyAssignment,
  method: boolean,
  commentOnly: ReadonlySet<number>,
): EngineUnit {
  const L = new Lines(m.sf);
  const head = L.start(node);
  let start = head;
  if (!method) {
    // The doc comment: comment lines straight above, no blank line between.
    while (commentOnly.has(start - 1)) start--;
  }
  const end = L.end(node);
  const all = descendants(node);
  const body = ts.isPropertyAssignment(node) ? node.initializer : node.body;
  const bodyBlock =
    body && ts.isBlock(body)
      ? body
      : body && (ts.isArrowFunction(body) || ts.isFunctionExpression(body)) && ts.isBlock(body.body)
        ? body.body
        : null;
  // Open calls per line, to match each enter with its leave.
  const delta = new Map<number, number>();
  for (const n of all) {
    const d = isKCall(n, 'enter') ? 1 : isKCall(n, 'leave') ? -1 : 0;
    if (d) delta.set(L.start(n), (delta.get(L.start(n)) ?? 0) + d);
  }
  const matchEnd = (from: number): number => {
    let depth = 0;
    for (let l = from; l <= end; l++) {
      depth += delta.get(l) ?? 0;
      if (depth <= 0) return l;
    }
    return end;
  };
  const enters: EnterSite[] = [];
  const stmts: StmtSite[] = [];
  const ons: EngineUnit['ons'] = [];
  const fixed: FixedSite[] = [];
  const stmtCalls = all.filter((n) => isKCall(n, 'stmt'));
  for (const n of all) {
    if (!ts.isCallExpression(n) || !isKCall(n)) continue;
    const line = L.start(n);
    const arg = n.arguments[1];
    if (isKCall(n, 'enter') && arg && ts.isStringLiteralLike(arg)) {
      const file = resolveValue(n.arguments[2], m, mods);
      const st = n.parent;
      let kase: string | null = null;
      for (let p: ts.Node = n; p !== node; p = p.parent)
        if (ts.isCaseClause(p)) {
          kase = ts.isStringLiteralLike(p.expression) ? p.expression.text : null;
          break;
        }
      const stEnd = matchEnd(line);
      const stmtsOfBody = bodyBlock?.statements ?? [];
      const whole =
        !method &&
        ts.isExpressionStatement(st) &&
        stmtsOfBody[0] === st &&
        stmtsOfBody.length > 1 &&
        L.start(stmtsOfBody[stmtsOfBody.length - 1]) === stEnd;
      enters.push({
        name: arg.text,
        file: typeof file === 'string' ? file : null,
        line,
        end: stEnd,
        case: kase,
        whole,
      });
    } else if (isKCall(n, 'stmt')) {
      stmts.push({ labels: arg ? strings(arg) : [], line, ...stmtSpan(n, L, stmtCalls, matchEnd) });
    } else if (isKCall(n, 'on') && arg && ts.isStringLiteralLike(arg)) {
      ons.push({ name: arg.text, line });
    } else if (isKCall(n, 'fixed')) {
      const commit = resolveValue(arg, m, mods);
      fixed.push({ commit: typeof commit === 'string' ? commit : null, line, ...fixedShape(n, L) });
    }
  }
  const first = bodyBlock?.statements[0];
  const opening =
    first && ts.isExpressionStatement(first) && isKCall(first.expression, 'enter') ? enters[0] : null;
  return {
    name,
    method,
    hooks: [],
    kernel: opening ? { name: opening.name, file: opening.file } : null,
    start,
    head,
    end,
    enters,
    stmts,
    ons,
    fixed,
  };
}

/** The lines a `stmt(k, ...)` marker labels: first in a block, the block up to the next marker;
 * elsewhere the next statement (a traced call up to its `leave(k)`). */
function stmtSpan(
  call: ts.CallExpression,
  L: Lines,
  markers: ts.Node[],
  matchEnd: (line: number) => number,
): { start: number; end: number } {
  const st = call.parent;
  const place = ts.isExpressionStatement(st) ? siblings(st) : null;
  const line = L.start(call);
  if (!place) return { start: line, end: line };
  const next = place.list[place.at + 1];
  const start = next ? L.start(next) : L.end(st.parent);
  if (ts.isBlock(st.parent) && place.at === 0) {
    const close = L.end(st.parent);
    const later = markers.map((m) => L.start(m)).find((l) => l > line && l < close);
    return { start, end: (later ?? close) - 1 };
  }
  if (!next) return { start, end: start };
  const enterNext = ts.isExpressionStatement(next) && isKCall(next.expression, 'enter');
  return { start, end: enterNext ? matchEnd(start) : L.end(next) };
}

/** Where a `fixed(k, ...)` test sits: negated or not, the branches of its `if`, the `case` holding it. */
function fixedShape(call: ts.CallExpression, L: Lines): Omit<FixedSite, 'commit' | 'line'> {
  const negated =
    ts.isPrefixUnaryExpression(call.parent) && call.parent.operator === ts.SyntaxKind.ExclamationToken;
  let ifSt: ts.IfStatement | null = null;
  for (let p: ts.Node = call; !ts.isSourceFile(p); p = p.parent) {
    if (ts.isIfStatement(p.parent) && p.parent.expression === p) {
      ifSt = p.parent;
      break;
    }
    if (ts.isStatement(p.parent) || ts.isBlock(p.parent)) break;
  }
  const inner = (s: ts.Statement | undefined): [number, number] | null =>
    s && ts.isBlock(s) ? [L.start(s) + 1, L.end(s) - 1] : null;
  let caseSpan: [number, number] | null = null;
  for (let p: ts.Node = call; !ts.isSourceFile(p); p = p.parent) {
    if (!ts.isCaseClause(p) && !ts.isDefaultClause(p)) continue;
    const clauses = p.parent.clauses;
    let at = clauses.indexOf(p);
    const after = clauses[at + 1];
    while (at > 0 && clauses[at - 1].statements.length === 0) at--;
    caseSpan = [L.start(clauses[at]), after ? L.start(after) - 1 : L.end(p)];
    break;
  }
  return {
    negated,
    then: ifSt ? inner(ifSt.thenStatement) : null,
    else: ifSt ? inner(ifSt.elseStatement) : null,
    caseSpan,
  };
}

/** Per line: the facts the kernel-side column and the call finder read. */
function lineFacts(m: Module, units: EngineUnit[], trailing: Map<number, string>): Record<number, LineFacts> {
  const L = new Lines(m.sf);
  const inUnit = (l: number): boolean => units.some((u) => u.start <= l && l <= u.end);
  const out: Record<number, LineFacts> = {};
  const at = (l: number): LineFacts => (out[l] ??= {});
  for (const [l, c] of trailing) if (inUnit(l)) at(l).comment = c;
  const lineStart = new Map<number, number>();
  for (const n of descendants(m.sf)) {
    const l = L.start(n);
    if (!inUnit(l)) continue;
    if (!lineStart.has(l)) lineStart.set(l, n.getStart(m.sf));
    if (ts.isStringLiteralLike(n)) (at(l).strings ??= []).push(n.text);
    if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression)) continue;
    (at(l).calls ??= []).push(n.expression.text);
    const f = at(l);
    const arg = n.arguments[1];
    if (isKCall(n, 'enter') && arg && ts.isStringLiteralLike(arg)) f.enter ??= arg.text;
    const hook = n.arguments[2];
    if (isKCall(n, 'eraHook') && hook && ts.isStringLiteralLike(hook)) f.hook ??= hook.text;
    if (isKCall(n, 'WARN_ON') && f.warn === undefined) {
      const msg = n.arguments.slice(1).flatMap(strings)[0];
      if (msg !== undefined) f.warn = msg;
    }
  }
  // The first call of the outermost statement or expression starting a line.
  const seen = new Set<number>();
  for (const n of descendants(m.sf)) {
    const l = L.start(n);
    if (seen.has(l) || !inUnit(l) || n.getStart(m.sf) !== lineStart.get(l)) continue;
    if (!ts.isStatement(n) && !ts.isExpression(n as ts.Expression)) continue;
    seen.add(l);
    const call = headCall(n);
    if (call)
      at(l).call = {
        name: (call.expression as ts.Identifier).text,
        args: call.arguments.slice(1).map((a) => a.getText(m.sf)),
      };
  }
  return out;
}

function describeFile(m: Module, mods: Modules): EngineFile {
  const { only, trailing } = comments(m.sf);
  const units: EngineUnit[] = [];
  for (const st of m.sf.statements)
    if (ts.isFunctionDeclaration(st) && st.name && st.body)
      units.push(describeUnit(m, mods, st.name.text, st, false, only));
  const era = eraObject(m.sf);
  let id: string | null = null;
  if (era) {
    for (const p of era.obj.properties) {
      const key = p.name && ts.isIdentifier(p.name) ? p.name.text : null;
      if (!key) continue;
      if (ts.isPropertyAssignment(p) && key === 'id') id = (literal(p.initializer) as string) ?? null;
      const fn = ts.isShorthandPropertyAssignment(p)
        ? p.name.text
        : ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer)
          ? p.initializer.text
          : null;
      if (fn) units.find((u) => !u.method && u.name === fn)?.hooks.push(key);
      const inline =
        ts.isMethodDeclaration(p) ||
        (ts.isPropertyAssignment(p) &&
          (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer)));
      if (inline) {
        const u = describeUnit(m, mods, `${era.name}.${key}`, p, true, only);
        units.push({ ...u, hooks: [key] });
      }
    }
  }
  // Module constants holding a number, imported ones too (an era's field slots from its hyp module).
  const numbers: Record<string, number> = {};
  for (const [k, v] of m.consts) if (typeof v === 'number') numbers[k] = v;
  for (const k of m.imported.keys()) {
    const v = resolveValue(ts.factory.createIdentifier(k), m, mods);
    if (typeof v === 'number') numbers[k] = v;
  }
  return {
    path: m.src.path,
    text: m.src.text,
    era: era && id !== null ? { object: era.name, id } : null,
    imports: m.imports,
    numbers,
    commentLines: [...only]
      .filter((l) => units.some((u) => u.start <= l && l <= u.end))
      .sort((a, b) => a - b),
    units: units.sort((a, b) => a.start - b.start),
    lines: lineFacts(m, units, trailing),
  };
}

/** The calls that mark kernel code. */
const MARKS = ['enter', 'stmt', 'on', 'fixed'];

/**
 * The description of the engine files among `files` (paths relative to the repository root) that hold
 * kernel code: an Era object or an `enter`, `stmt`, `on` or `fixed` call, or a base set of Era hooks
 * (syntax.ts, hooksBase()). The others serve to resolve imported constants.
 */
export function describeEngine(files: readonly SourceText[]): EngineCode {
  const mods = new Modules(new Map(files.map((f) => [f.path, f])));
  // Only a file naming Era or one of the marks can hold kernel code: the others are parsed only when a
  // described file imports a constant from them.
  const holdsCode = (m: Module): boolean =>
    eraObject(m.sf) !== null ||
    hooksBase(m.sf) ||
    descendants(m.sf).some((n) => MARKS.some((name) => isKCall(n, name)));
  return {
    files: files
      .filter((f) => /\b(?:Era|(?:enter|stmt|on|fixed)\s*\()/.test(f.text))
      .map((f) => mods.get(f.path)!)
      .filter(holdsCode)
      .map((m) => describeFile(m, mods)),
  };
}
