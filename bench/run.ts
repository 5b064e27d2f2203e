/**
 * Benchmark runner: `npm run bench [-- --only GROUP[,GROUP...]]`.
 * Prints one JSON line: {"format":"fpsimd-bench/1","machine":"...","metrics":[...]}.
 * Progress and errors go to stderr so stdout stays machine-readable.
 */
import os from 'node:os';
import type { BenchGroupModule, BenchReport, Metric } from './types.ts';

interface GroupEntry {
  name: string;
  load: () => Promise<BenchGroupModule>;
}

/**
 * Registry of known groups. To add one, create bench/groups/<name>.ts exporting
 * `export async function run(): Promise<Metric[]>` and add an entry here, e.g.
 *   { name: 'engine', load: () => import('./groups/engine.ts') },
 * Groups are loaded lazily so `--only` never imports the others.
 */
export const GROUPS: GroupEntry[] = [
  { name: 'engine', load: () => import('./groups/engine.ts') },
  { name: 'ui', load: () => import('./groups/ui.ts') },
  { name: 'bundle', load: () => import('./groups/bundle.ts') },
  { name: 'explorer', load: () => import('./groups/explorer.ts') },
  { name: 'cli', load: () => import('./groups/cli.ts') },
  // Same group name: `--only explorer` runs both, and the worker's ratio is reported in the explorer group.
  { name: 'explorer', load: () => import('./groups/explorerWorker.ts') },
  { name: 'explorer', load: () => import('./groups/explorerScale.ts') },
  { name: 'memory', load: () => import('./groups/explorerMemory.ts') },
  { name: 'spin', load: () => import('./groups/spin.ts') },
  { name: 'spin', load: () => import('./groups/spinMulticore.ts') },
  // The multi-core explorer through the built CLI (minutes: the large searches exhausted).
  { name: 'parallel', load: () => import('./groups/explorerParallel.ts') },
  { name: 'links', load: () => import('./groups/links.ts') },
  { name: 'editor', load: () => import('./groups/editor.ts') },
  { name: 'sveGallery', load: () => import('./groups/sveGallery.ts') },
];

function parseOnly(argv: string[]): string[] | null {
  const names: string[] = [];
  let seen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === '--only') value = argv[++i];
    else if (arg.startsWith('--only=')) value = arg.slice('--only='.length);
    else throw new Error(`unknown argument: ${arg} (usage: bench/run.ts [--only GROUP[,GROUP...]])`);
    if (!value) throw new Error('--only needs a group name');
    seen = true;
    names.push(...value.split(',').filter(Boolean));
  }
  return seen ? names : null;
}

async function main(): Promise<number> {
  let only: string[] | null;
  try {
    only = parseOnly(process.argv.slice(2));
  } catch (err) {
    console.error(String((err as Error).message));
    return 2;
  }

  const known = new Set(GROUPS.map((g) => g.name));
  const unknown = (only ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const list = GROUPS.map((g) => g.name).join(', ') || '(none registered yet)';
    console.error(`unknown bench group(s): ${unknown.join(', ')}; known: ${list}`);
    return 2;
  }

  const selected = only ? GROUPS.filter((g) => only.includes(g.name)) : GROUPS;
  const metrics: Metric[] = [];
  for (const group of selected) {
    console.error(`bench: ${group.name}`);
    const mod = await group.load();
    for (const metric of await mod.run()) metrics.push({ ...metric, group: group.name });
  }

  const report: BenchReport = {
    format: 'fpsimd-bench/1',
    machine: `${os.availableParallelism()} cores, node ${process.versions.node}`,
    metrics,
  };
  console.log(JSON.stringify(report));
  return 0;
}

process.exitCode = await main();
