// The refiner side of a pool, for worker threads and web workers alike: a batch of principals in,
// one answer per principal out, then "idle" to ask for more.
import type { Catalog } from '../core';
import type { AccountOptions } from './index';
import { refinePrincipal, type PrincipalOutcome, type PrincipalTask } from './principal';

export interface TaskBatch {
  tasks: PrincipalTask[];
  options: AccountOptions;
}

export type BatchAnswer = { type: 'outcome'; outcome: PrincipalOutcome } | { type: 'idle' };

/** Principals per message: enough to make posting cheap, few enough to keep the workers even. */
export const BATCH_SIZE = 4;

export function serveBatches(
  catalog: Catalog,
  post: (answer: BatchAnswer) => void,
): (batch: TaskBatch) => void {
  return ({ tasks, options }) => {
    for (const t of tasks) post({ type: 'outcome', outcome: refinePrincipal(t, catalog, options) });
    post({ type: 'idle' });
  };
}
