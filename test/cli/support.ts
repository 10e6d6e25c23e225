// Shared by the CLI tests: the CLI in this process (injected I/O, the job run inline) and the bundled
// command in its own process, as a person runs it.
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from '../../src/cli/refine';
import { runJob, type Job } from '../../src/cli/job';
import { catalog } from '../core/support';

/** Builds dist-cli/refine.cjs once per test file that spawns it. */
export function buildCli(): void {
  execFileSync(process.execPath, ['src/cli/build.mjs']);
}

/** The CLI in process: files read whole from disk, stdin given as text or bytes. */
export async function runInProcess(args: string[], stdin: string | Uint8Array = '') {
  let stdout = '';
  let stderr = '';
  /** Where runCli chose to refine: here (the command's process) or in the child. */
  let ran: 'here' | 'child' | null = null;
  let timeLimitMs: number | null = null;
  const inline = async (job: Job) =>
    runJob(job, catalog, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      refined: () => {},
    });
  const status = await runCli(
    args,
    {
      read: async (path, limit) => {
        const bytes = path === '-' ? Buffer.from(stdin) : readFileSync(path);
        return bytes.length > limit
          ? { bytes: bytes.subarray(0, limit), whole: false }
          : { bytes, whole: true };
      },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    },
    {
      here: (job) => ((ran = 'here'), inline(job)),
      child: (job, ms) => ((ran = 'child'), (timeLimitMs = ms), inline(job)),
    },
  );
  return { status, stdout, stderr, ran, timeLimitMs };
}

const bundle = resolve('dist-cli/refine.cjs');

/**
 * Where the bundled command refines: `here` as it chooses for small inputs without a time limit,
 * `child` forced by an explicit --time-limit (600 s, never reached by these tests).
 */
export type RefinePath = 'here' | 'child';
export const REFINE_PATHS: RefinePath[] = ['here', 'child'];

/** The bundled command in its own process (in `options.cwd` when given). */
export function spawnCli(
  args: string[],
  input?: string | Uint8Array,
  options: SpawnSyncOptions = {},
  path: RefinePath = 'here',
) {
  const forced = path === 'child' ? ['--time-limit', '600'] : [];
  const r = spawnSync(process.execPath, [bundle, ...args, ...forced], {
    input,
    maxBuffer: 256 * 1024 * 1024,
    ...options,
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
