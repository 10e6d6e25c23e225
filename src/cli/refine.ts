// The command line over core: files in, the recommendation out, for CI pipelines and batches.
// Exit statuses are in args.ts (EXIT); every refusal is one line on stderr.
import { MAX_FINDINGS_CHARS, MAX_KEEP_CHARS, MAX_POLICY_CHARS } from '../core';
import { EXIT, IN_PROCESS_CHARS, TIME_LIMIT, USAGE, UsageError, readArgs } from './args';
import { decodeUtf8 } from './decode';
import { fileName } from './fileName';
import type { Job, JobInput } from './job';

export interface CliIo {
  /** Up to `limit` bytes of a file, or of stdin for -; `whole` is false when there was more. */
  read(path: string, limit: number): Promise<{ bytes: Uint8Array; whole: boolean }>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The two ways to run the refinement and write its output; each resolves with the exit status. */
export interface JobRunners {
  /** In the command's own process: no second start of Node, no bound but the run's own speed. */
  here(job: Job): Promise<number>;
  /** In a child process, stopped at the time limit or its heap bound. */
  child(job: Job, timeLimitMs: number): Promise<number>;
}

/**
 * UTF-8 takes at most three bytes per UTF-16 unit, so a file longer than three times a limit in
 * characters is over it: reading stops there (a 600 MB file, /dev/zero, `yes '{'` on stdin).
 */
const BYTES_PER_CHAR = 3;

function readError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot be read (${code ?? String(e)})`;
}

/** Runs the CLI; returns the exit status. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  runners: JobRunners,
): Promise<number> {
  let args;
  try {
    args = readArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`refine: ${e.message}\n${USAGE}\n`);
    return EXIT.badInput;
  }
  if (args === 'help') {
    io.stdout(USAGE + '\n');
    return EXIT.done;
  }
  const readInput = async (path: string, what: string, chars: number): Promise<JobInput | null> => {
    const name = fileName(path);
    let got;
    try {
      got = await io.read(path, BYTES_PER_CHAR * chars);
    } catch (e) {
      io.stderr(`refine: ${name}: ${readError(e)}\n`);
      return null;
    }
    const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
    if (!got.whole) {
      io.stderr(
        `refine: ${name}: over the ${mb(chars)} limit for ${what}: stopped reading after ${mb(BYTES_PER_CHAR * chars)}\n`,
      );
      return null;
    }
    const text = decodeUtf8(got.bytes);
    if (!text.ok) {
      const at = text.line === undefined ? '' : `:${text.line}:${text.column}`;
      io.stderr(`refine: ${name}${at}: ${text.message}\n`);
      return null;
    }
    return { path, text: text.text };
  };
  const unused = await readInput(args.unused, 'the unused permissions', MAX_FINDINGS_CHARS);
  if (unused === null) return EXIT.badInput;
  const policies: JobInput[] = [];
  for (const path of args.policies) {
    const policy = await readInput(path, 'a policy', MAX_POLICY_CHARS);
    if (policy === null) return EXIT.badInput;
    policies.push(policy);
  }
  let keep: JobInput | undefined;
  if (args.keep !== undefined) {
    const read = await readInput(args.keep, 'the keep list', MAX_KEEP_CHARS);
    if (read === null) return EXIT.badInput;
    keep = read;
  }
  const job: Job = {
    policies,
    unused,
    used: args.used,
    keep,
    format: args.format,
    sizeLimit: args.sizeLimit,
  };
  const chars = [...policies, unused, ...(keep ? [keep] : [])].reduce(
    (sum, input) => sum + input.text.length,
    0,
  );
  // Small inputs without an explicit --time-limit are refined here (see IN_PROCESS_CHARS).
  if (args.timeLimit === undefined && chars < IN_PROCESS_CHARS) return runners.here(job);
  return runners.child(job, args.timeLimit ?? TIME_LIMIT.default * 1000);
}
