// What `export --promela` adds to the engine's Promela model for use beyond one process, and reads
// back in `import-trail`: a last comment line naming the machine, variant, depth and ops (so a trail
// can be turned into a scenario without the original file), and the multi-core form of the model.
import type { Op, Scenario } from '../engine';

/** The machine line's marker. */
const MARK = 'fpsimd-viz-machine:';

export interface ModelOrigin {
  variant: string;
  depth: number;
  ops: readonly Op[];
  machine: Pick<Scenario, 'cpus' | 'tasks' | 'start'>;
}

/** The comment line export appends: the machine as JSON (task ids are plain names: no comment ends). */
export function machineLine(o: ModelOrigin): string {
  const m = { cpus: o.machine.cpus, tasks: o.machine.tasks, start: o.machine.start };
  const json = JSON.stringify({ variant: o.variant, depth: o.depth, ops: o.ops, machine: m });
  return `/* ${MARK} ${json.replace(/\*\//g, '*\\u002f')} */\n`;
}

/** The machine line of a model, or null when it has none (a model not written by export). */
export function readMachineLine(model: string): ModelOrigin | null {
  const at = model.lastIndexOf(`/* ${MARK} `);
  if (at < 0) return null;
  const end = model.indexOf(' */', at);
  if (end < 0) return null;
  return JSON.parse(model.slice(at + MARK.length + 4, end)) as ModelOrigin;
}

/**
 * The model for Spin's multi-core verifier (pan compiled with -DNCORE=N), which refuses `hidden`
 * variables. The model's hidden variables are scratch: each event's d_step writes them before it
 * reads them. Declared plainly they would enter the state vector with whatever the last event left
 * there, multiplying the states (7 times on the reference machine at depth 10); so every event's
 * d_step now ends by setting them all to 0, and the states are the same as the hidden model's
 * (checked by tests/cli/importTrail.test.ts).
 */
export function multicoreModel(model: string): string {
  const names: string[] = [];
  const lines = model.split('\n').map((line) => {
    const m = /^hidden (\w+) ([^;]+);\s*$/.exec(line);
    if (!m) return line;
    names.push(...m[2].split(',').map((n) => n.trim()));
    return line.slice('hidden '.length);
  });
  if (names.length === 0) return model;
  const reset = names.map((n) => `${n} = 0;`).join(' ');
  let events = 0;
  const out = lines.map((line) => {
    if (!/^\s*:: d_step \{ steps < DEPTH .* steps\+\+ \}/.test(line)) return line;
    events++;
    return line.replace(/steps\+\+ \}/, `steps++; ${reset} }`);
  });
  if (events === 0) throw new Error('the model has no event steps to reset its scratch variables in');
  return out.join('\n');
}
