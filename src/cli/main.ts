// The fpsimd-viz command: the process's input and output (processIO.ts) handed to the dispatcher.
import { cli } from './cli';
import { processIO } from './processIO';

process.exitCode = await cli(process.argv.slice(2), processIO());
