// The command's output, written straight to its file descriptors: process.stdout would load
// node:stream (a few ms of a start close to Node's own), and a reader that closes the pipe
// (`| head -1`) must end the output quietly, not with a stack trace.
import { writeSync } from 'node:fs';
import type { Catalog } from '../core';
import { EXIT } from './args';
import { runJob, type Job } from './job';

/** Writes all of `text` to `fd`, waiting while a full pipe says EAGAIN; false once it is closed. */
export function writeAll(fd: number, text: string): boolean {
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  return true;
}

/** A reader that closed the pipe has all it wants. */
class PipeClosed {}

/**
 * Runs the job with its output on stdout and its messages to `say`; returns the exit status. A
 * closed stdout ends the run as done; anything thrown is a bug, said in one line.
 */
export function runJobOnStdout(
  job: Job,
  catalog: () => Catalog,
  say: { stderr(text: string): void; refined(): void },
): number {
  try {
    return runJob(job, catalog(), {
      stdout(text) {
        if (!writeAll(1, text)) throw new PipeClosed();
      },
      stderr: say.stderr,
      refined: say.refined,
    });
  } catch (e) {
    if (e instanceof PipeClosed) return EXIT.done;
    say.stderr(
      `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return EXIT.bug;
  }
}
