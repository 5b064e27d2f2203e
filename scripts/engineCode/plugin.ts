// The Vite plugin behind `virtual:engine-code`: the description of the engine's kernel code
// (describe.ts) as a module, rebuilt when an engine file changes. Used by the app's build, the dev
// server, vitest (vite.config.ts) and the CLI build (vite.cli.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { ENGINE_CODE_FILES } from '../../src/state/codepane/engineCode.ts';
import { describeEngine, type SourceText } from './describe.ts';

export const ENGINE_CODE_ID = 'virtual:engine-code';
const RESOLVED = `\0${ENGINE_CODE_ID}`;

/** The engine files of ENGINE_CODE_FILES under root, in list order (a directory's files by name). */
export function engineSources(root: string): SourceText[] {
  return ENGINE_CODE_FILES.flatMap((pattern) => {
    const dir = pattern.endsWith('/*.ts') ? pattern.slice(0, -'/*.ts'.length) : null;
    const paths = dir
      ? readdirSync(path.join(root, dir))
          .filter((f) => f.endsWith('.ts'))
          .sort()
          .map((f) => `${dir}/${f}`)
      : [pattern];
    return paths.map((p) => ({ path: p, text: readFileSync(path.join(root, p), 'utf8') }));
  });
}

export function engineCode(): Plugin {
  let root = process.cwd();
  const isEngineFile = (file: string): boolean => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    return ENGINE_CODE_FILES.some((p) =>
      p.endsWith('/*.ts') ? path.posix.dirname(rel) === p.slice(0, -5) && rel.endsWith('.ts') : rel === p,
    );
  };
  return {
    name: 'fpsimd-engine-code',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === ENGINE_CODE_ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const sources = engineSources(root);
      for (const s of sources) this.addWatchFile(path.join(root, s.path));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(describeEngine(sources)))});`;
    },
    // An edited engine file changes the description: the module is rebuilt and updated with it.
    hotUpdate({ file, modules, timestamp }) {
      if (!isEngineFile(file)) return;
      const graph = this.environment.moduleGraph;
      const mod = graph.getModuleById(RESOLVED);
      if (!mod) return;
      graph.invalidateModule(mod, new Set(), timestamp, true);
      return [...modules, mod];
    },
    configureServer(server) {
      // A new or removed engine file changes it too: rebuilt, and the page reloaded.
      const changed = (file: string): void => {
        if (!isEngineFile(file)) return;
        for (const env of Object.values(server.environments)) {
          const mod = env.moduleGraph.getModuleById(RESOLVED);
          if (mod) env.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
    },
  };
}
