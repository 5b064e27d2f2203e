// Drives the CLI in-process with an in-memory file system, capturing output and the exit status.
import { cli } from '../../src/cli/cli';
import type { CliIO } from '../../src/cli/io';

export async function runCli(
  argv: string[],
  files: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: async (p) => {
      if (!(p in files))
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
      return files[p];
    },
    onInterrupt: () => {},
    isTTY: false,
  };
  const code = await cli(argv, io);
  return { code, out, err };
}
