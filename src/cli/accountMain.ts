// The account CLI with Node's I/O: files, directories, a terminal, and worker threads.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { runAccountCli } from './account';
import { threadPool } from './pool';

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
        readFile: (path) => readFileSync(path, 'utf8'),
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
