// The single-policy CLI with Node's I/O: files and stdin read up to a limit, output written straight
// to the file descriptors (output.ts), and the refinement run here or in a child process (this same
// bundled file, see entry.ts), as runCli chooses. Start-up stays close to Node's own: the child's
// module (node:child_process) loads only when a child is needed, and the catalog is decoded service
// by service as the run reads it.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from './args';
import { cliCatalog } from './catalog';
import { runJobOnStdout, writeAll } from './output';
import { runCli, type CliIo } from './refine';

/** Waits a little while a non-blocking stdin has nothing yet. */
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);

/** What every read goes through: a fresh megabyte per file cost ~70 ms of 1,594 policies' start. */
let through: Buffer | undefined;

/** Reads a file or stdin up to `limit` bytes, and stops there (/dev/zero, `yes '{' |`). */
function readUpTo(path: string, limit: number): { bytes: Uint8Array; whole: boolean } {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      through ??= Buffer.allocUnsafe(1 << 20);
      const chunk = through.subarray(0, Math.min(through.length, limit + 1 - size));
      let n;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        pause();
        continue;
      }
      if (n === 0) return { bytes: Buffer.concat(chunks, size), whole: true };
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      size += n;
      if (size > limit) return { bytes: Buffer.concat(chunks, limit), whole: false };
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

const io: CliIo = {
  read: async (path, limit) => readUpTo(path, limit),
  stdout: (text) => void writeAll(1, text),
  stderr: (text) => void writeAll(2, text),
};
runCli(process.argv.slice(2), io, {
  here: async (job) =>
    runJobOnStdout(job, cliCatalog, {
      stderr: io.stderr,
      refined: () => {},
    }),
  child: async (job, timeLimitMs) => {
    const { runInChild } = await import('./jobProcess');
    // The child starts as the command does, through refine.cjs and its code cache for the child.
    return runInChild(join(import.meta.dirname, 'refine.cjs'), job, timeLimitMs, io.stderr);
  },
}).then(
  // Everything was written with writeSync: the process ends here, before the idle scavenge V8 has
  // scheduled would run (about 1 ms, most of what stood between the output and the exit).
  (status) => process.exit(status),
  (e: unknown) => {
    io.stderr(
      `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = EXIT.bug;
  },
);
