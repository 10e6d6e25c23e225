// The two ends of the child process that refines: the command starts it (this same bundled file)
// with the job and stops it at the time limit, however busy it is; the child has a heap bound of its
// own and writes the output straight to the command's stdout, a piece at a time. A process, not a
// worker thread: a thread that runs out of heap can abort the whole process (nodejs/node#47224),
// a child that does leaves the command standing to say so.
import { fork } from 'node:child_process';
import type { Catalog } from '../core';
import { figure } from '../core/numbers';
import { EXIT } from './args';
import type { Job } from './job';
import { runJobOnStdout } from './output';
import { JOB_ROLE } from './roles';

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
          `refine: stopped: the refinement needs more than ${figure(heapMb)} MB of memory (a recommendation this large is far over any IAM quota; refine fewer statements at a time)\n`,
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

/** The child's end: runs the job the command sends, then exits with its status. */
export function serveJob(catalog: () => Catalog): void {
  const send = (m: Message): Promise<void> =>
    new Promise((resolve) => process.send?.(m, undefined, {}, () => resolve()));
  process.once('message', (job: Job) => {
    const said: Promise<void>[] = [];
    const status = runJobOnStdout(job, catalog, {
      stderr: (text) => said.push(send({ type: 'stderr', text })),
      refined: () => said.push(send({ type: 'refined' })),
    });
    void Promise.all(said).then(() => {
      process.exitCode = status;
      process.disconnect();
    });
  });
}
