import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { kernelFileUrl, kernelIdentUrl, releaseTag } from '../../../src/state/codepane/kernelSource';

describe('kernel source links', () => {
  it('give every era of the engine a release tag', () => {
    for (const v of VARIANTS) expect(releaseTag(v.era.id), v.id).toMatch(/^v\d+\.\d+$/);
  });

  it('link a file and an identifier at the era’s tag, and nothing for unknown input', () => {
    expect(kernelFileUrl('v4.18', 'arch/arm64/kernel/fpsimd.c')).toBe(
      'https://elixir.bootlin.com/linux/v4.18/source/arch/arm64/kernel/fpsimd.c',
    );
    expect(kernelIdentUrl('v4.17', 'fpsimd_thread_switch')).toBe(
      'https://elixir.bootlin.com/linux/v4.17/A/ident/fpsimd_thread_switch',
    );
    expect(kernelFileUrl('v9.9', 'arch/arm64/kernel/fpsimd.c')).toBeNull();
    expect(kernelFileUrl('v4.18', 'not a file')).toBeNull();
    expect(kernelIdentUrl('v4.18', 'a b')).toBeNull();
  });
});
