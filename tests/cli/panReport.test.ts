// pan's output read without running Spin: the violations by kind and owner, and the multi-core
// verifier's flags sized from pan.h.
import { describe, expect, it } from 'vitest';
import { multicoreFlags, panComplete, panFindings, panNumber } from '../../src/cli/panReport';

const OWNERS = ['qemu', 'vcpu0', 'editor'];

describe("pan's report", () => {
  it('lists each violated assertion once, by kind and owner, and refuses an unknown one', () => {
    const out =
      'cpu1: pan:1: assertion violated  !(leak_0) (at depth 6)\n' +
      'pan:2: assertion violated  !(lost_update_2) (at depth 7)\n' +
      'pan:3: assertion violated  !(leak_0) (at depth 8)\n' +
      'pan:4: assertion violated  !(kernel_warning_none) (at depth 9)\n' +
      '    9922 states, stored\nState-vector 148 byte, depth reached 7, errors: 3\n';
    expect(panFindings(out, OWNERS)).toEqual([
      { kind: 'leak', context: 'qemu' },
      { kind: 'lost-update', context: 'editor' },
      { kind: 'kernel-warning', context: null },
    ]);
    expect(panNumber(out, /(\d+) states, stored/)).toBe(9922);
    expect(panComplete(out)).toBe(true);
    expect(panComplete('Warning: Search not completed\n')).toBe(false);
    expect(() => panFindings('assertion violated  !(leak_7)', OWNERS)).toThrow(/no known kind: leak_7/);
  });

  it("sizes the multi-core verifier's frame past the model's control states", () => {
    const panH = '#define _nstates0\t19157\t/* :init: */\n#define _nstates1\t3\t/* :never: */\n';
    // 19,160 states and 4,096 bytes of header, rounded up to 1 KB.
    expect(multicoreFlags(panH, 2, 256)).toEqual([
      '-DNCORE=2',
      '-DMEMLIM=256',
      '-DVECTORSZ=23552',
      '-DVMAX=23552',
    ]);
  });
});
