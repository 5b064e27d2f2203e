// The reviewer's code pane, as data. Kept as the one entry point other modules import from; the
// work is split by concern under ./code/: the parser of the engine's source (engineSource), where a
// call is modelled (locateCall, through the engine's OP_HOOKS table) and the view model (codeView).
export type { CodeBlock, CodeLine, CodeSources, SourceText } from './code/codeTypes';
export { parseSource } from './code/engineSource';
export { codeForCall, eraImports, eraSource, stepCode } from './code/codeView';
