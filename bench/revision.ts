// Builds of other git revisions of the app, for measuring today's build beside them in one run
// (bench/ui-ab.ts, and the ui group's reference build): a revision's sources exported with this
// checkout's node_modules, its own bench link, and a cached build per commit.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from './groups/bundle.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Builds of reference commits, kept across runs (a commit's build never changes). */
const CACHE = path.join(ROOT, 'node_modules/.cache/fpsimd-viz-bench');

/** A git revision's sources, exported into a temporary directory, with this node_modules. */
export function exportRevision(rev: string, temps: string[]): string {
  const src = mkdtempSync(path.join(os.tmpdir(), 'fpsimd-viz-rev-'));
  temps.push(src);
  const tar = execFileSync('git', ['archive', '--format=tar', rev], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', src], { input: tar });
  symlinkSync(realpathSync(path.join(ROOT, 'node_modules')), path.join(src, 'node_modules'));
  return src;
}

/**
 * The bench link's fragment as the revision exported in `src` made it (its own bench/groups/ui.ts and
 * scenario generator): an older build may not read the links of today's generator.
 */
function benchFragmentIn(src: string): string {
  const script = "import('./bench/groups/ui.ts').then((m) => console.log(m.benchLink('')))";
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: src,
    encoding: 'utf8',
  });
  return out.trim().replace(/^#/, '');
}

export function linkFragmentOf(rev: string, temps: string[]): string {
  return benchFragmentIn(exportRevision(rev, temps));
}

/** Builds a git revision from its own sources with this node_modules (WORKTREE: this checkout). */
export async function buildRevision(rev: string, temps: string[]): Promise<string> {
  return rev === 'WORKTREE' ? buildApp() : buildApp(exportRevision(rev, temps));
}

export interface ReferenceBuild {
  commit: string;
  /** The built app's directory (in the cache: do not remove). */
  dir: string;
  /** The revision's own bench link fragment, which both builds open. */
  fragment: string;
  /** Whether this run built it (false: taken from the cache). */
  built: boolean;
}

/**
 * The app built from commit `rev`, with its bench link, cached under node_modules/.cache by full commit
 * id: built once, then reused by every later run. Built into a temporary directory and renamed into
 * place, so an interrupted or concurrent build never leaves half a cache entry.
 */
export async function referenceBuild(rev: string): Promise<ReferenceBuild> {
  const commit = execFileSync('git', ['rev-parse', `${rev}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const entry = path.join(CACHE, commit);
  const read = (built: boolean): ReferenceBuild => ({
    commit,
    dir: path.join(entry, 'dist'),
    fragment: readFileSync(path.join(entry, 'link.txt'), 'utf8'),
    built,
  });
  if (existsSync(path.join(entry, 'link.txt')) && existsSync(path.join(entry, 'dist/index.html')))
    return read(false);
  mkdirSync(CACHE, { recursive: true });
  const temps: string[] = [];
  const staging = mkdtempSync(path.join(CACHE, `.${commit.slice(0, 12)}-`));
  try {
    const src = exportRevision(commit, temps);
    const dir = await buildApp(src);
    temps.push(dir);
    cpSync(dir, path.join(staging, 'dist'), { recursive: true });
    writeFileSync(path.join(staging, 'link.txt'), benchFragmentIn(src));
    rmSync(entry, { recursive: true, force: true });
    renameSync(staging, entry);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
  return read(true);
}
