// The account CLI with Node's I/O: files, directories, a terminal, and worker threads.
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { runAccountCli, UnreadableFile } from './account';
import { decodeUtf8 } from './decode';
import { threadPool } from './pool';

/**
 * Larger than any account's authorization details we know of; reading stops there, so /dev/zero or an
 * endless pipe is refused at once instead of filling the memory.
 */
const ACCOUNT_FILE_BYTES = 512 * 1024 * 1024;

/** A file as UTF-8 text, read up to the bound: refused, named, past it or when it is not UTF-8. */
function readText(path: string): string {
  const fd = openSync(path, 'r');
  const tooLong = () =>
    new UnreadableFile(
      `over the ${ACCOUNT_FILE_BYTES / 1048576} MB limit for an input file: stopped reading there`,
    );
  try {
    // A file that says it is too long is refused before any of it is read.
    if (fstatSync(fd).size > ACCOUNT_FILE_BYTES) throw tooLong();
    const chunks: Buffer[] = [];
    let size = 0;
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      size += n;
      if (size > ACCOUNT_FILE_BYTES) throw tooLong();
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    const text = decodeUtf8(Buffer.concat(chunks, size));
    if (!text.ok) throw new UnreadableFile(text.message, text.line, text.column);
    return text.text;
  } finally {
    closeSync(fd);
  }
}

const argv = process.argv.slice(2);
const jobsAt = argv.findIndex((a) => a === '--jobs' || a.startsWith('--jobs='));
const jobs = Number(
  jobsAt < 0 ? NaN : argv[jobsAt].includes('=') ? argv[jobsAt].split('=')[1] : argv[jobsAt + 1],
);
// An async function, not top-level await: the command is bundled as CommonJS (src/cli/build.mjs).
async function main(): Promise<void> {
  try {
    process.exitCode = await runAccountCli(
      argv,
      {
        readFile: readText,
        readDir: (path) => (statSync(path).isDirectory() ? readdirSync(path) : null),
        writeFile: (path, text) => {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, text);
        },
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        stderrIsTTY: process.stderr.isTTY === true,
        now: () => performance.now(),
      },
      threadPool(
        new URL(import.meta.url),
        Number.isInteger(jobs) && jobs > 0 ? jobs : availableParallelism(),
      ),
    );
  } catch (e) {
    process.stderr.write(
      `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = 1;
  }
}

void main();
