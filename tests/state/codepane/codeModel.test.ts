import { describe, expect, it } from 'vitest';
import * as view from '../../../src/state/codepane/codeView';
import * as facade from '../../../src/state/codepane/codeModel';

describe('codeModel entry point', () => {
  it('exports the split modules’ functions under their old names', () => {
    expect(facade.stepCode).toBe(view.stepCode);
    expect(facade.codeForCall).toBe(view.codeForCall);
    expect(facade.eraSource).toBe(view.eraSource);
    expect(facade.codeSources).toBe(view.codeSources);
  });
});
