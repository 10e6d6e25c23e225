// The bundled command's entry: one file is the single-policy CLI, its refining child process, the
// account CLI, and the worker threads the account CLI starts (which run this same file).
import { isMainThread } from 'node:worker_threads';
import { JOB_ROLE } from './jobProcess';

if (!isMainThread) await import('./accountWorker');
else if (process.env[JOB_ROLE] === 'job') await import('./jobChild');
else if (process.argv.slice(2).some((a) => a === '--account' || a.startsWith('--account=')))
  await import('./accountMain');
else await import('./main');
