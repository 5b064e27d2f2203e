// Fill pattern ids of owners within one diagram (ids are prefixed per diagram instance). The colours
// and textures themselves come from src/state/viewmodels/ownerStyle.ts.
export const patternId = (prefix: string, index: number): string =>
  index === -2 ? `${prefix}-scratch` : `${prefix}-owner-${index}`;
