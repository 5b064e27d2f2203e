// `fpsimd-viz variants [--json]`: the eras and ablations the engine offers.
import { VARIANTS } from '../engine/variants';
import { parseArgs, UsageError, type CliIO } from './io';
import { esc } from './text';

export async function variantsCommand(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(args, ['json', 'help'], []);
  if (flags.has('help')) {
    io.stdout(
      'usage: fpsimd-viz variants [--json]\n\nLists the variant ids: kernel eras, single-statement ablations, and historic variants\n(ERA/pre-COMMIT12: an era before a real kernel fix, with the commit, subject and date).\n',
    );
    return 0;
  }
  if (positional.length) throw new UsageError(`variants takes no FILE (got ${esc(positional[0])})`);
  if (flags.has('json')) {
    const list = VARIANTS.map((v) => ({
      id: v.id,
      era: v.era.id,
      ablation: v.ablation,
      historic: v.historic,
      description: v.description,
    }));
    io.stdout(JSON.stringify({ format: 'fpsimd-variants/1', variants: list }, null, 2) + '\n');
  } else {
    const w = Math.max(...VARIANTS.map((v) => v.id.length));
    io.stdout(VARIANTS.map((v) => `${v.id.padEnd(w)}  ${v.description}`).join('\n') + '\n');
  }
  return 0;
}
