// The reviewer's code pane, as data. Kept as the one entry point other modules import from; the
// work is split by concern under ./code/: the description of the engine's source (engineCode, made
// at build time by scripts/engineCode/), where a call is modelled (locateCall, through the engine's
// OP_HOOKS table) and the view model (codeView).
export type { CodeBlock, CodeLine, CodeSources } from './codeTypes';
export type { EngineCode, EngineFile } from './engineCode';
export { codeForCall, codeSources, eraSource, stepCode } from './codeView';
