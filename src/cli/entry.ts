// The bundled command's entry: one file is the single-policy CLI, the account CLI, and the worker
// threads both start (which run this same file, told apart by their role).
import { isMainThread, workerData } from 'node:worker_threads';

if (!isMainThread)
  await import(
    (workerData as { role?: string } | null)?.role === 'account-refiner'
      ? './accountWorker'
      : './jobWorker'
  );
else if (process.argv.slice(2).some((a) => a === '--account' || a.startsWith('--account=')))
  await import('./accountMain');
else await import('./main');
