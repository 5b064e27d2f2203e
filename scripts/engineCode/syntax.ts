// Reading an engine module's syntax tree (TypeScript compiler API): its constants and imports, its
// Era object, its comments, and small helpers over nodes, for describe.ts.
import ts from 'typescript';

export interface SourceText {
  path: string;
  text: string;
}

export type Value = string | number;

export interface Module {
  src: SourceText;
  sf: ts.SourceFile;
  /** Top-level `const NAME = literal` of the module. */
  consts: Map<string, Value>;
  /** Local name to [module path, imported name]. */
  imported: Map<string, [string, string]>;
  imports: string[];
}

/** A call `name(k, ...)` of the engine's kernel context. */
export const isKCall = (n: ts.Node, name?: string): n is ts.CallExpression =>
  ts.isCallExpression(n) &&
  ts.isIdentifier(n.expression) &&
  (name === undefined || n.expression.text === name) &&
  n.arguments.length > 0 &&
  ts.isIdentifier(n.arguments[0]) &&
  n.arguments[0].text === 'k';

export function literal(e: ts.Expression | undefined): Value | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  return undefined;
}

/** The path of a relative import among the known files. */
function resolveImport(from: string, spec: string, known: ReadonlySet<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const seg of spec.replace(/\.ts$/, '').split('/'))
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  const path = `${parts.join('/')}.ts`;
  return known.has(path) ? path : null;
}

export function readModule(src: SourceText, known: ReadonlySet<string>): Module {
  const sf = ts.createSourceFile(src.path, src.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const consts = new Map<string, Value>();
  const imported = new Map<string, [string, string]>();
  const imports: string[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const)
      for (const d of st.declarationList.declarations) {
        const v = literal(d.initializer);
        if (ts.isIdentifier(d.name) && v !== undefined) consts.set(d.name.text, v);
      }
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const path = resolveImport(src.path, st.moduleSpecifier.text, known);
      if (!path) continue;
      if (!imports.includes(path)) imports.push(path);
      const named = st.importClause?.namedBindings;
      if (named && ts.isNamedImports(named))
        for (const el of named.elements)
          imported.set(el.name.text, [path, (el.propertyName ?? el.name).text]);
    }
  }
  return { src, sf, consts, imported, imports };
}

/** The modules of the engine files by path, each parsed when first asked for. */
export class Modules {
  private parsed = new Map<string, Module>();
  private known: Set<string>;
  constructor(private files: ReadonlyMap<string, SourceText>) {
    this.known = new Set(files.keys());
  }
  get(path: string): Module | undefined {
    const hit = this.parsed.get(path);
    if (hit) return hit;
    const src = this.files.get(path);
    if (!src) return undefined;
    const m = readModule(src, this.known);
    this.parsed.set(path, m);
    return m;
  }
}

/** A string constant, through the module's own constants and the engine modules it imports. */
export function resolveValue(e: ts.Expression | undefined, m: Module, mods: Modules): Value | null {
  const v = literal(e);
  if (v !== undefined) return v;
  if (!e || !ts.isIdentifier(e)) return null;
  let [mod, name] = [m, e.text];
  for (let hop = 0; hop < 8; hop++) {
    const own = mod.consts.get(name);
    if (own !== undefined) return own;
    const from = mod.imported.get(name);
    const next = from && mods.get(from[0]);
    if (!from || !next) return null;
    [mod, name] = [next, from[1]];
  }
  return null;
}

/** The Era object a module exports: `const x: Era = {...}` (or `{...} satisfies Era`). */
export function eraObject(sf: ts.SourceFile): { name: string; obj: ts.ObjectLiteralExpression } | null {
  const isEra = (t: ts.TypeNode | undefined): boolean =>
    !!t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === 'Era';
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      let init = d.initializer;
      let typed = isEra(d.type);
      if (init && ts.isSatisfiesExpression(init)) {
        typed ||= isEra(init.type);
        init = init.expression;
      }
      if (typed && init && ts.isObjectLiteralExpression(init) && ts.isIdentifier(d.name))
        return { name: d.name.text, obj: init };
    }
  }
  return null;
}

/**
 * A base set of Era hooks the module exports for eras to spread (`{ ... } satisfies Partial<Era>`): the
 * module holds no kernel code itself, but the code pane follows its imports to the functions it names.
 */
export function hooksBase(sf: ts.SourceFile): boolean {
  const isPartialEra = (t: ts.TypeNode): boolean =>
    ts.isTypeReferenceNode(t) &&
    ts.isIdentifier(t.typeName) &&
    t.typeName.text === 'Partial' &&
    t.typeArguments?.length === 1 &&
    ts.isTypeReferenceNode(t.typeArguments[0]) &&
    ts.isIdentifier(t.typeArguments[0].typeName) &&
    t.typeArguments[0].typeName.text === 'Era';
  return sf.statements.some(
    (st) =>
      ts.isVariableStatement(st) &&
      st.declarationList.declarations.some(
        (d) =>
          (!!d.type && isPartialEra(d.type)) ||
          (!!d.initializer && ts.isSatisfiesExpression(d.initializer) && isPartialEra(d.initializer.type)),
      ),
  );
}

export class Lines {
  constructor(private sf: ts.SourceFile) {}
  of(pos: number): number {
    return this.sf.getLineAndCharacterOfPosition(pos).line + 1;
  }
  start(n: ts.Node): number {
    return this.of(n.getStart(this.sf));
  }
  end(n: ts.Node): number {
    return this.of(n.getEnd());
  }
}

/** Every comment of the file, from the trivia around its tokens. */
function commentRanges(sf: ts.SourceFile): ts.CommentRange[] {
  const byPos = new Map<number, ts.CommentRange>();
  const add = (rs: ts.CommentRange[] | undefined): void => rs?.forEach((r) => byPos.set(r.pos, r));
  const walk = (n: ts.Node): void => {
    add(ts.getLeadingCommentRanges(sf.text, n.pos));
    add(ts.getTrailingCommentRanges(sf.text, n.end));
    for (const c of n.getChildren(sf)) walk(c);
  };
  walk(sf);
  return [...byPos.values()].sort((a, b) => a.pos - b.pos);
}

/** Lines holding only comment text, and the `//` comments written after code. */
export function comments(sf: ts.SourceFile): { only: Set<number>; trailing: Map<number, string> } {
  const text = sf.text;
  const only = new Set<number>();
  const trailing = new Map<number, string>();
  const lineStarts = sf.getLineStarts();
  for (const r of commentRanges(sf)) {
    const { line } = sf.getLineAndCharacterOfPosition(r.pos);
    const first = text.slice(lineStarts[line], r.pos).trim() === '';
    if (r.kind === ts.SyntaxKind.SingleLineCommentTrivia) {
      if (first) only.add(line + 1);
      else {
        const body = text.slice(r.pos + 2, r.end).trim();
        if (body) trailing.set(line + 1, body);
      }
      continue;
    }
    const last = sf.getLineAndCharacterOfPosition(r.end).line;
    const after = text.slice(r.end, lineStarts[last + 1] ?? text.length).trim();
    for (let l = line; l <= last; l++) if ((l > line || first) && (l < last || after === '')) only.add(l + 1);
  }
  return { only, trailing };
}

/** Nodes under `root` in source order. */
export function descendants(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const walk = (n: ts.Node): void => {
    out.push(n);
    n.forEachChild(walk);
  };
  root.forEachChild(walk);
  return out;
}

/** The call a statement makes first: `f(k, ...)`, `if (!f(k, ...) ...)`, `return f(k)`, `const x = f(k)`. */
export function headCall(st: ts.Node): ts.CallExpression | null {
  let e: ts.Expression | undefined;
  if (ts.isExpressionStatement(st)) e = st.expression;
  else if (ts.isIfStatement(st)) e = st.expression;
  else if (ts.isReturnStatement(st)) e = st.expression;
  else if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const)
    e = st.declarationList.declarations[0]?.initializer;
  else if (ts.isExpression(st as ts.Expression)) e = st as ts.Expression;
  for (;;) {
    if (e && ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) e = e.operand;
    else if (e && ts.isBinaryExpression(e)) e = e.left;
    else if (e && ts.isConditionalExpression(e)) e = e.condition;
    else break;
  }
  return e && isKCall(e) ? e : null;
}

export const strings = (n: ts.Node): string[] =>
  [n, ...descendants(n)].filter((d) => ts.isStringLiteralLike(d)).map((d) => (d as ts.StringLiteral).text);

/** The statement list a statement stands in, and its place there. */
export function siblings(st: ts.Statement): { list: readonly ts.Statement[]; at: number } | null {
  const p = st.parent;
  const list =
    ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isSourceFile(p) ? p.statements : null;
  return list ? { list, at: list.indexOf(st) } : null;
}
