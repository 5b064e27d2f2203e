// The engine's own source as the code pane and the gallery read it: the description the build makes
// of it (scripts/engineCode/plugin.ts). Only the pane's and the gallery's lazily loaded chunks import
// this, so the source text stays out of the main bundle.
import engineCode from 'virtual:engine-code';
import type { Era } from '../../engine';
import { codeSources, type CodeSources, type EngineFile } from '../../state/codepane/codeModel';

/** Every engine file the description covers, in the order of ENGINE_CODE_FILES. */
export const ENGINE_FILES: readonly EngineFile[] = engineCode.files;

/** The sources behind an era's calls, or null for an era whose module is not found. */
export function sourcesFor(era: Era): CodeSources | null {
  return codeSources(era.id, engineCode);
}
