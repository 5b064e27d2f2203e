// Where a modelled kernel function lives in the real kernel, for the code pane: a public source browser
// (Elixir) at the era's release tag. Links name the file and the identifier (Elixir lists its
// definition with line numbers); no line number is guessed here.

/**
 * The release each era models: eras are named by it (docs/kernel-notes.md). "v6.13" is the last
 * release of the fp_owner design with the lazy host save; "v6.15" the last before v6.16's signal and
 * switch-in changes.
 */
export const ERA_RELEASE_TAGS: Readonly<Record<string, string>> = {
  'v4.17': 'v4.17',
  'v4.18': 'v4.18',
  'v6.13': 'v6.13',
  'v6.15': 'v6.15',
  'v6.16': 'v6.16',
};

const ELIXIR = 'https://elixir.bootlin.com/linux';

/** The era's release tag, or null for an era not listed (no link rather than a wrong one). */
export function releaseTag(eraId: string): string | null {
  return ERA_RELEASE_TAGS[eraId] ?? null;
}

/** The kernel file at the era's release, e.g. …/v4.18/source/arch/arm64/kernel/fpsimd.c. */
export function kernelFileUrl(eraId: string, file: string): string | null {
  const tag = releaseTag(eraId);
  if (!tag || !/^[\w./-]+\.[ch]$/.test(file)) return null;
  return `${ELIXIR}/${tag}/source/${file}`;
}

/** Elixir's page for an identifier at the era's release: its definition(s), with file and line. */
export function kernelIdentUrl(eraId: string, name: string): string | null {
  const tag = releaseTag(eraId);
  if (!tag || !/^\w+$/.test(name)) return null;
  return `${ELIXIR}/${tag}/A/ident/${name}`;
}
