// The page's side of an account run: one coordinator worker and a small pool of refiner workers,
// wired to each other by message channels. Cancelling terminates them all; what was refined stays.
import type { AccountInput, FromCoordinator, ToCoordinator } from './protocol';

/** Workers the pool starts: the cores the browser reports, within reason. */
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(4, cores));
}

export interface WorkerFactory {
  coordinator(): Worker;
  refiner(): Worker;
}

export const browserWorkers: WorkerFactory = {
  coordinator: () =>
    new Worker(new URL('./coordinator.worker.ts', import.meta.url), { type: 'module' }),
  refiner: () => new Worker(new URL('./refiner.worker.ts', import.meta.url), { type: 'module' }),
};

export type OpenedInputs = Extract<FromCoordinator, { type: 'opened' }>['inputs'];

export class AccountRun {
  private readonly coordinator: Worker;
  private refiners: Worker[] = [];
  private nextId = 1;
  private readonly opening = new Map<number, (inputs: OpenedInputs) => void>();

  constructor(
    inputs: { account: AccountInput[]; findings: AccountInput[]; used: boolean },
    onEvent: (m: FromCoordinator) => void,
    workers: WorkerFactory = browserWorkers,
    size = poolSize(),
  ) {
    this.coordinator = workers.coordinator();
    const ports: MessagePort[] = [];
    for (let i = 0; i < size; i++) {
      const channel = new MessageChannel();
      const refiner = workers.refiner();
      refiner.postMessage({ port: channel.port1 }, [channel.port1]);
      ports.push(channel.port2);
      this.refiners.push(refiner);
    }
    this.coordinator.onmessage = (e: MessageEvent<FromCoordinator>) => {
      const m = e.data;
      if (m.type === 'opened') {
        this.opening.get(m.id)?.(m.inputs);
        this.opening.delete(m.id);
        return;
      }
      // The pool has nothing left to do once every principal is refined, or nothing could start.
      if (m.type === 'done' || m.type === 'error' || m.type === 'failed') this.stopRefiners();
      onEvent(m);
    };
    this.coordinator.onerror = (e) => {
      e.preventDefault();
      this.cancel();
      onEvent({ type: 'failed', message: e.message || 'the account reader stopped unexpectedly' });
    };
    const start: ToCoordinator = { type: 'start', ...inputs, ports };
    this.coordinator.postMessage(start, ports);
  }

  /** The single-policy view's inputs for one policy of one principal. */
  open(principal: number, policy: number): Promise<OpenedInputs> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.opening.set(id, resolve);
      const m: ToCoordinator = { type: 'open', id, principal, policy };
      this.coordinator.postMessage(m);
    });
  }

  private stopRefiners(): void {
    for (const r of this.refiners) r.terminate();
    this.refiners = [];
  }

  cancel(): void {
    this.stopRefiners();
    this.coordinator.terminate();
    for (const resolve of this.opening.values()) resolve(null);
    this.opening.clear();
  }
}
