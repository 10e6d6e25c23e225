// The bundled command's entry: one file is the single-policy CLI, its refining child process, the
// account CLI, and the worker threads the account CLI starts (which run this same file). Only the
// chosen one is loaded.
import { JOB_ROLE, REFINER_THREAD } from './roles';

if (process.argv.includes(REFINER_THREAD)) void import('./accountWorker');
else if (process.env[JOB_ROLE] === 'job') void import('./jobChild');
else if (process.argv.slice(2).some((a) => a === '--account' || a.startsWith('--account=')))
  void import('./accountMain');
else void import('./main');
