// The single-policy CLI with Node's I/O: files and stdin read up to a limit, stdout and stderr, and
// the child process the refinement runs in (this same bundled file, see entry.ts).
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT } from './args';
import { runInChild } from './jobProcess';
import { runCli, type CliIo } from './refine';

/** Reads a file or stdin up to `limit` bytes, and stops there. */
async function read(path: string, limit: number): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const stream = path === '-' ? process.stdin : createReadStream(path);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (size + chunk.length > limit) {
      stream.destroy();
      return { bytes: Buffer.concat(chunks, size), whole: false };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { bytes: Buffer.concat(chunks, size), whole: true };
}

/** A reader that closed the pipe (`| head -1`) has all it wants: end quietly. */
function quietOnClosedPipe(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(EXIT.done);
  throw e;
}

process.stdout.on('error', quietOnClosedPipe);
process.stderr.on('error', quietOnClosedPipe);
const io: CliIo = {
  read,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
runCli(process.argv.slice(2), io, (job, timeLimit) =>
  runInChild(fileURLToPath(import.meta.url), job, timeLimit, io.stderr),
).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(
      `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = EXIT.bug;
  },
);
