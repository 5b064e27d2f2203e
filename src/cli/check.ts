// Placeholder until the explorer lands: `check` is part of the explorer work.
import { UsageError, type CliIO } from './io';

export async function checkCommand(...args: [string[], CliIO]): Promise<number> {
  throw new UsageError(`check is not available yet in this build (${args[0].length} arguments ignored)`);
}
