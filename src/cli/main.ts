// The fpsimd-viz command: dispatches to run, check and variants; maps errors to exit status 2.
import { readFile } from 'node:fs/promises';
import { cli } from './cli';
import type { CliIO } from './io';

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const io: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: readInput,
  onInterrupt: (cb) => process.once('SIGINT', cb),
  isTTY: Boolean(process.stderr.isTTY),
};

process.exitCode = await cli(process.argv.slice(2), io);
