// The single-policy CLI with Node's I/O: files and stdin read up to a limit, messages written
// straight to the file descriptors (output.ts), and the child process the refinement runs in (this
// same bundled file, see entry.ts).
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT } from './args';
import { runInChild } from './jobProcess';
import { writeAll } from './output';
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

const io: CliIo = {
  read,
  stdout: (text) => void writeAll(1, text),
  stderr: (text) => void writeAll(2, text),
};
runCli(process.argv.slice(2), io, (job, timeLimit) =>
  runInChild(fileURLToPath(import.meta.url), job, timeLimit, io.stderr),
).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    io.stderr(
      `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = EXIT.bug;
  },
);
