// The module scripts/engineCode/plugin.ts makes: the description of the engine's kernel code.
declare module 'virtual:engine-code' {
  const code: import('./engineCode').EngineCode;
  export default code;
}
