// Shared by the tests of the engine code description.
import path from 'node:path';
import type { EngineFile, EngineUnit } from '../../../src/state/codepane/engineCode';

export const ROOT_DIR = path.resolve(import.meta.dirname, '../../..');

export function unitOf(file: EngineFile, name: string): EngineUnit {
  const u = file.units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name} in ${file.path}`);
  return u;
}
