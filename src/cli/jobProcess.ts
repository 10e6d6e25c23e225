// The two ends of the child process that refines: the command starts it (this same bundled file)
// with the job and stops it at the time limit, however busy it is; the child has a heap bound of its
// own and writes the output straight to the command's stdout, a piece at a time. A process, not a
// worker thread: a thread that runs out of heap can abort the whole process (nodejs/node#47224),
// a child that does leaves the command standing to say so.
import { fork } from 'node:child_process';
import { writeSync } from 'node:fs';
import type { Catalog } from '../core';
import { EXIT } from './args';
import { runJob, type Job, type Sink } from './job';

/** Set in the child's environment: the bundled file then serves a job instead of reading flags. */
export const JOB_ROLE = 'REFINE_CLI_ROLE';

/** The child's heap bound: measured at its limit, the command and the child hold under 2 GB. */
export const HEAP_MB = 1400;

type Message = { type: 'stderr'; text: string } | { type: 'refined' };

/** The command's end: runs the job in a child of `script`; resolves with the exit status. */
export function runInChild(
  script: string,
  job: Job,
  timeLimitMs: number,
  stderr: (text: string) => void,
  heapMb = HEAP_MB,
): Promise<number> {
  const child = fork(script, [], {
    env: { ...process.env, [JOB_ROLE]: 'job' },
    execArgv: [`--max-old-space-size=${heapMb}`],
    // stdout is the command's own; stderr would carry V8's report of a heap exhausted, so the
    // child's messages come by IPC instead.
    stdio: ['ignore', 'inherit', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  return new Promise((resolve) => {
    let stopped: number | null = null;
    const timer = setTimeout(() => {
      stopped = EXIT.timeLimit;
      child.kill('SIGKILL');
    }, timeLimitMs);
    child.on('message', (m: Message) => {
      if (m.type === 'stderr') stderr(m.text);
      else clearTimeout(timer);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (stopped === EXIT.timeLimit) {
        stderr(
          `refine: stopped after ${timeLimitMs / 1000} s, the time limit (--time-limit S sets it, up to 600)\n`,
        );
        resolve(EXIT.timeLimit);
      } else if (signal === 'SIGABRT' || signal === 'SIGTRAP' || code === 134) {
        stderr(
          `refine: stopped: the refinement needs more than ${heapMb.toLocaleString('en-US')} MB of memory (a recommendation this large is far over any IAM quota; refine fewer statements at a time)\n`,
        );
        resolve(EXIT.memory);
      } else if (code !== null && code <= EXIT.badInput) resolve(code);
      else {
        stderr(
          `refine: internal error (a bug, please report it): the refiner ended (${signal ?? code})\n`,
        );
        resolve(EXIT.bug);
      }
    });
    child.send(job);
  });
}

/** Writes all of `text` to stdout, waiting while a full pipe says EAGAIN; false once it is closed. */
function writeOut(text: string): boolean {
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  return true;
}

/** A reader that closed the pipe (`| head -1`) has all it wants. */
class PipeClosed {}

/** The child's end: runs the job the command sends, then exits with its status. */
export function serveJob(catalog: () => Catalog): void {
  const send = (m: Message): Promise<void> =>
    new Promise((resolve) => process.send?.(m, undefined, {}, () => resolve()));
  process.once('message', (job: Job) => {
    const said: Promise<void>[] = [];
    const sink: Sink = {
      stdout(text) {
        if (!writeOut(text)) throw new PipeClosed();
      },
      stderr: (text) => said.push(send({ type: 'stderr', text })),
      refined: () => said.push(send({ type: 'refined' })),
    };
    let status: number;
    try {
      status = runJob(job, catalog(), sink);
    } catch (e) {
      if (e instanceof PipeClosed) status = EXIT.done;
      else {
        said.push(
          send({
            type: 'stderr',
            text: `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
          }),
        );
        status = EXIT.bug;
      }
    }
    void Promise.all(said).then(() => {
      process.exitCode = status;
      process.disconnect();
    });
  });
}
