// Where principals are refined: worker threads, one per core, fed a few principals at a time so that
// a slow principal never holds the others back; or this thread, for tests.
import { Worker } from 'node:worker_threads';
import { BATCH_SIZE, refinePrincipal, type BatchAnswer, type TaskBatch } from '../account';
import type { Catalog } from '../core';
import type { RefinerPool } from './account';
import { REFINER_THREAD } from './roles';

export function threadPool(script: string | URL, jobs: number): RefinerPool {
  return {
    refine(tasks, options, done) {
      return new Promise((resolve, reject) => {
        let next = 0;
        let left = tasks.length;
        const workers: Worker[] = [];
        const finish = (error?: Error) => {
          for (const w of workers) void w.terminate();
          if (error) reject(error);
          else resolve();
        };
        if (left === 0) return finish();
        const feed = (w: Worker) => {
          if (next >= tasks.length) return;
          const batch: TaskBatch = { tasks: tasks.slice(next, next + BATCH_SIZE), options };
          w.postMessage(batch);
          next += BATCH_SIZE;
        };
        for (let i = 0; i < Math.min(jobs, Math.ceil(tasks.length / BATCH_SIZE)); i++) {
          const w = new Worker(script, {
            argv: [REFINER_THREAD],
            workerData: { role: 'account-refiner' },
          });
          workers.push(w);
          w.on('message', (m: BatchAnswer) => {
            if (m.type === 'idle') return feed(w);
            done(m.outcome);
            if (--left === 0) finish();
          });
          w.on('error', (e) => finish(e));
          w.on('exit', (code) => {
            if (left > 0 && code !== 0)
              finish(new Error(`a refiner thread stopped (exit ${code})`));
          });
          feed(w);
        }
      });
    },
  };
}

/** Everything in this thread, in order. */
export function inlinePool(catalog: Catalog): RefinerPool {
  return {
    async refine(tasks, options, done) {
      for (const t of tasks) done(refinePrincipal(t, catalog, options));
    },
  };
}
