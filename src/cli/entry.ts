// The bundled command's entry: one file is the single-policy CLI, the account CLI, and the worker
// threads the account CLI starts (which run this same file). Only the chosen one runs.
import { REFINER_THREAD } from './thread';

if (process.argv.includes(REFINER_THREAD)) void import('./accountWorker');
else if (process.argv.slice(2).some((a) => a === '--account' || a.startsWith('--account=')))
  void import('./accountMain');
else void import('./main');
