// `fpsimd-viz variants [--json]`: the eras and ablations the engine offers.
import { VARIANT_ALIASES, VARIANTS } from '../engine/variants';
import { EXIT_HELP, type CliIO } from './io';
import { COMMON_HELP, commandOrHelp, noFile } from './options';
import { VARIANTS_OPTIONS } from './optionTables';

export const VARIANTS_HELP = `usage: fpsimd-viz variants [--json]

Lists the variant ids: kernel eras, single-statement ablations, and historic variants
(ERA/pre-COMMIT12: an era before a real kernel fix, with the commit, subject and date),
then the aliases accepted in their place (mainline: the newest era read).

  --json             print one fpsimd-variants/1 object
${COMMON_HELP}

Exit status: 0 listed, 2 bad usage,
${EXIT_HELP}`;

export async function variantsCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = commandOrHelp(args, VARIANTS_OPTIONS, VARIANTS_HELP, io);
  if (!parsed) return 0;
  const { positional, values } = parsed;
  noFile('variants', positional);
  if (values.json) {
    const list = VARIANTS.map((v) => ({
      id: v.id,
      era: v.era.id,
      ablation: v.ablation,
      historic: v.historic,
      description: v.description,
      // Bugs of the release itself (eras only, when it has any), each named by its fixing commit.
      ...(v.ablation === null && v.era.releaseBugs?.length ? { releaseBugs: v.era.releaseBugs } : {}),
      ...(v.ablation === null && v.era.guestSve ? { guestSve: true } : {}),
    }));
    const aliases = VARIANT_ALIASES.map((a) => ({ id: a.id, resolvesTo: a.resolvesTo, why: a.why }));
    io.stdout(JSON.stringify({ format: 'fpsimd-variants/1', variants: list, aliases }, null, 2) + '\n');
  } else {
    const w = Math.max(...VARIANTS.map((v) => v.id.length), ...VARIANT_ALIASES.map((a) => a.id.length));
    const rows = VARIANTS.flatMap((v) => [
      `${v.id.padEnd(w)}  ${v.description}`,
      ...(v.ablation === null
        ? (v.era.releaseBugs ?? []).map(
            (b) => `${''.padEnd(w)}  bug of this release itself, fixed by ${b.commit} "${b.subject}"`,
          )
        : []),
    ]);
    const aliases = VARIANT_ALIASES.map((a) => `${a.id.padEnd(w)}  alias of ${a.resolvesTo}: ${a.why}`);
    io.stdout(
      [
        ...rows,
        '',
        'Aliases (accepted wherever a variant id is; outputs name the variant):',
        ...aliases,
      ].join('\n') + '\n',
    );
  }
  return 0;
}
