// The bundled command's entry: one file is the single-policy CLI, the account CLI, and the worker
// threads the account CLI starts (which run this same file).
import { isMainThread } from 'node:worker_threads';

if (!isMainThread) await import('./accountWorker');
else if (process.argv.slice(2).some((a) => a === '--account' || a.startsWith('--account=')))
  await import('./accountMain');
else await import('./main');
