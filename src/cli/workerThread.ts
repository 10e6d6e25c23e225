// The two ends of the worker thread that refines: the command starts it with the job and stops it
// at the time limit (terminate() stops even a refinement stuck in one long loop) or when its heap
// bound is hit; the worker streams the output back a piece at a time, each written before the next
// is made, so an output of hundreds of megabytes is never held whole.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Catalog } from '../core';
import { EXIT } from './args';
import { runJob, type Job, type Sink } from './job';

type Message =
  | { type: 'stdout'; bytes: Uint8Array }
  | { type: 'stderr'; text: string }
  | { type: 'refined' }
  | { type: 'done'; status: number };

interface Start {
  role: 'policy-refiner';
  job: Job;
  /** Set to 1 by the command once a piece of stdout is written; the worker waits on it. */
  written: Int32Array;
}

/** The worker's heap bound: with the command's own memory, the whole process stays within 2 GB. */
export const HEAP_MB = 1536;

/** Characters of output gathered before they are sent. */
const PIECE = 1 << 20;

export interface Terminal {
  stdout(bytes: Uint8Array, written: () => void): void;
  stderr(text: string): void;
}

/** The command's end: runs the job in a worker of `script`; resolves with the exit status. */
export function runInWorker(
  script: URL,
  job: Job,
  timeLimitMs: number,
  terminal: Terminal,
  heapMb = HEAP_MB,
): Promise<number> {
  const written = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script, {
    workerData: { role: 'policy-refiner', job, written } satisfies Start,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: number, message?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (message) terminal.stderr(message);
      void worker.terminate();
      resolve(status);
    };
    const timer = setTimeout(
      () =>
        finish(
          EXIT.timeLimit,
          `refine: stopped after ${timeLimitMs / 1000} s, the time limit (--time-limit S sets it, up to 600)\n`,
        ),
      timeLimitMs,
    );
    worker.on('message', (m: Message) => {
      if (settled) return;
      if (m.type === 'stdout')
        terminal.stdout(m.bytes, () => {
          Atomics.store(written, 0, 1);
          Atomics.notify(written, 0);
        });
      else if (m.type === 'stderr') terminal.stderr(m.text);
      else if (m.type === 'refined') clearTimeout(timer);
      else finish(m.status);
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? EXIT.memory : EXIT.bug,
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `refine: stopped: the refinement needs more than ${heapMb.toLocaleString('en-US')} MB of memory (a recommendation this large is far over any IAM quota; refine fewer statements at a time)\n`
          : `refine: internal error (a bug, please report it): ${e.message}\n`,
      ),
    );
    worker.on('exit', () =>
      finish(
        EXIT.bug,
        'refine: internal error (a bug, please report it): the worker ended early\n',
      ),
    );
  });
}

/** The worker's end: runs the job it was started with and reports back. */
export function serveJob(catalog: () => Catalog): void {
  const port = parentPort;
  if (!port) throw new Error('serveJob runs in a worker thread');
  const { job, written } = workerData as Start;
  const post = (m: Message, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  const encoder = new TextEncoder();
  let pending: string[] = [];
  let size = 0;
  const send = (): void => {
    if (size === 0) return;
    const bytes = encoder.encode(pending.join(''));
    pending = [];
    size = 0;
    Atomics.store(written, 0, 0);
    post({ type: 'stdout', bytes }, [bytes.buffer as ArrayBuffer]);
    Atomics.wait(written, 0, 0);
  };
  const sink: Sink = {
    stdout(text) {
      pending.push(text);
      size += text.length;
      if (size >= PIECE) send();
    },
    stderr: (text) => post({ type: 'stderr', text }),
    refined: () => post({ type: 'refined' }),
  };
  const status = runJob(job, catalog(), sink);
  send();
  post({ type: 'done', status });
}
