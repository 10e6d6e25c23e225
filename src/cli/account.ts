// `refine --account FILE --findings FILE`: a whole account at once. Reads the files, shares the
// principals out to a pool of workers (one per core), prints a summary and, with --out, writes each
// recommended policy and apply.sh. Exit 0 done, 2 bad input, 1 a bug (a proof failed).
import { parseArgs } from 'node:util';
import {
  byPrivilegeRemoved,
  principalTasks,
  readAccount,
  readAccountFindings,
  summarize,
  summaryMarkdown,
  type AccountOptions,
  type PrincipalOutcome,
  type PrincipalTask,
  type SourceFile,
} from '../account';
import { figure, parseKeepList, type KeepList } from '../core';
import { accountJson, awsRecommendations, principalJson, writeOut } from './accountOutput';
import { fileName } from './fileName';
import { writeJson } from './jsonWriter';

export interface AccountIo {
  readFile(path: string): string;
  /** The files of a directory (names only), or null when `path` is not a directory. */
  readDir(path: string): string[] | null;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress line is drawn only on a terminal. */
  stderrIsTTY: boolean;
  now(): number;
}

/** Refines tasks somewhere (worker threads in the command, this thread in tests), in any order. */
export interface RefinerPool {
  refine(
    tasks: readonly PrincipalTask[],
    options: AccountOptions,
    done: (o: PrincipalOutcome) => void,
  ): Promise<void>;
}

const FORMATS = ['md', 'json', 'aws', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

export const ACCOUNT_USAGE = `Usage: npm run --silent refine -- --account FILE --findings FILE [options]

Refines every policy of every role and user of an account against its unused permissions.

  --account FILE     aws iam get-account-authorization-details output (JSON); repeat for several pages
  --findings PATH    the unused permissions: GetFindingV2 findings as a JSON array, JSON lines or a
                     directory of files, or an object from each principal's ARN (or name) to its
                     unused permissions in any form --unused accepts; repeat for several
  --used             the findings list the actions that were used instead
  --out DIR          write each recommended policy to DIR/<roles|users>/<name>/ and DIR/apply.sh
                     with the aws iam commands that apply them (never run by this tool)
  --format F         md (default: a summary), json (summary and every policy), aws (Access
                     Analyzer's recommendedSteps per principal), jsonl (one principal per line)
  --keep FILE        actions or patterns never to remove, for every principal (one per line or a
                     JSON list): backups, disaster recovery, yearly jobs
  --size-limit N     characters without white space (default 6144, the managed policy quota)
  --jobs N           worker threads (default: one per core)
  --help             this text

Exit status: 0 done (unreadable policies and unmatched findings are listed), 2 bad input, 1 a bug.`;

interface Args {
  account: string[];
  findings: string[];
  out: string | null;
  format: Format;
  used: boolean;
  sizeLimit?: number;
  jobs?: number;
  keep: string | null;
  help: boolean;
}

function readArgs(argv: readonly string[]): Args | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        account: { type: 'string', multiple: true },
        findings: { type: 'string', multiple: true },
        out: { type: 'string' },
        format: { type: 'string' },
        used: { type: 'boolean' },
        'size-limit': { type: 'string' },
        jobs: { type: 'string' },
        keep: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
  const format = values.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format))
    return `--format must be one of ${FORMATS.join(', ')} with --account, not "${format}"`;
  const whole = (name: string, v: string | undefined): number | string | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : `--${name} must be a positive whole number`;
  };
  const sizeLimit = whole('size-limit', values['size-limit']);
  const jobs = whole('jobs', values.jobs);
  if (typeof sizeLimit === 'string') return sizeLimit;
  if (typeof jobs === 'string') return jobs;
  const args: Args = {
    account: values.account ?? [],
    findings: values.findings ?? [],
    out: values.out ?? null,
    format: format as Format,
    used: values.used === true,
    sizeLimit,
    jobs,
    keep: values.keep ?? null,
    help: values.help === true,
  };
  if (args.help) return args;
  if (args.account.length === 0) return 'no --account FILE given';
  if (args.findings.length === 0) return 'no --findings FILE given (the unused permissions)';
  return args;
}

/** A file that cannot be taken as it is: over the size bound, or not UTF-8 (at a line and column). */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Each path as files: a directory gives its .json and .jsonl files, in name order. */
function readFiles(paths: readonly string[], io: AccountIo): SourceFile[] | string {
  const out: SourceFile[] = [];
  for (const path of paths) {
    try {
      const entries = io.readDir(path);
      if (entries === null) {
        out.push({ name: path, text: io.readFile(path) });
        continue;
      }
      const names = entries.filter((n) => /\.jsonl?$/i.test(n)).sort();
      if (names.length === 0)
        return `${fileName(path)}: the directory holds no .json or .jsonl file`;
      for (const n of names) {
        const p = `${path.replace(/\/+$/, '')}/${n}`;
        try {
          out.push({ name: p, text: io.readFile(p) });
        } catch (e) {
          return unreadable(p, e);
        }
      }
    } catch (e) {
      return unreadable(path, e);
    }
  }
  return out;
}

function unreadable(path: string, e: unknown): string {
  if (e instanceof UnreadableFile)
    return `${fileName(path)}${e.line === undefined ? '' : `:${e.line}:${e.column}`}: ${e.message}`;
  const code = (e as { code?: string }).code;
  return `${fileName(path)}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}`;
}

export async function runAccountCli(
  argv: readonly string[],
  io: AccountIo,
  pool: RefinerPool,
): Promise<number> {
  const args = readArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`refine: ${args}\n${ACCOUNT_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(ACCOUNT_USAGE + '\n');
    return 0;
  }
  const accountFiles = readFiles(args.account, io);
  if (typeof accountFiles === 'string') return fail(io, accountFiles);
  const findingFiles = readFiles(args.findings, io);
  if (typeof findingFiles === 'string') return fail(io, findingFiles);
  const account = readAccount(accountFiles);
  if (!account.ok) {
    const e = account.error;
    return fail(io, `${e.input}:${e.line}:${e.column}: ${e.message}`);
  }
  let keep: KeepList | undefined;
  if (args.keep !== null) {
    const read = readFiles([args.keep], io);
    if (typeof read === 'string') return fail(io, read);
    const list = parseKeepList(read[0].text);
    if (!list.ok)
      return fail(
        io,
        `${args.keep}:${list.error.line}:${list.error.column}: ${list.error.message}`,
      );
    keep = list.value;
  }
  const options: AccountOptions = { used: args.used, sizeLimit: args.sizeLimit, keep };
  const findings = readAccountFindings(findingFiles, account.value.principals, options);
  for (const p of findings.problems)
    io.stderr(`refine: ${p.input}:${p.line}:${p.column}: ${p.message}\n`);
  if (findings.byPrincipal.size === 0 && findings.problems.length > 0) return 2;

  const tasks = principalTasks(account.value, findings);
  const outcomes: PrincipalOutcome[] = new Array(tasks.length);
  const position = new Map(tasks.map((t, i) => [t.index, i]));
  const progress = progressLine(io, tasks.length);
  // JSON lines go out as soon as every principal before them is done: streamed, yet in file order.
  let next = 0;
  await pool.refine(tasks, options, (o) => {
    outcomes[position.get(o.index) as number] = o;
    progress.step();
    if (args.format !== 'jsonl') return;
    while (next < outcomes.length && outcomes[next])
      writeJson(principalJson(outcomes[next++]), io.stdout, { compact: true });
    io.stdout('\n');
  });
  progress.end();

  const summary = summarize(account.value, findings, outcomes);
  for (const b of summary.bugs)
    io.stderr(
      `refine: ${b.principal}: ${b.message}\nThis is a bug in the refiner; nothing was written for it.\n`,
    );
  for (const p of summary.policyProblems)
    io.stderr(
      `warning: ${p.input}:${p.line}:${p.column}: ${p.principal}, policy ${p.policy}: ${p.message}${p.within === 'decoded document' ? ' (line and column in the decoded document)' : ''}\n`,
    );
  for (const f of summary.setAside)
    io.stderr(
      `warning: ${f.input}:${f.line}:${f.column}: finding for ${f.resource} set aside: ${f.reason}\n`,
    );

  switch (args.format) {
    case 'md':
      io.stdout(
        summaryMarkdown(
          summary,
          [...outcomes]
            .filter((o) => o.bug === null)
            .sort(byPrivilegeRemoved)
            .slice(0, 20),
        ),
      );
      break;
    case 'json':
      writeJson(accountJson(summary, outcomes), io.stdout);
      io.stdout('\n');
      break;
    case 'aws':
      writeJson(awsRecommendations(outcomes), io.stdout);
      io.stdout('\n');
      break;
    case 'jsonl':
      io.stdout(JSON.stringify({ type: 'summary', ...summary }) + '\n');
      break;
  }
  if (args.out !== null) {
    const written = writeOut(args.out, outcomes, summary, io);
    io.stderr(`wrote ${written} policy files and apply.sh to ${args.out}\n`);
  }
  return summary.bugs.length > 0 ? 1 : 0;
}

function fail(io: AccountIo, message: string): number {
  io.stderr(`refine: ${message}\n`);
  return 2;
}

/** "refining 1,234 / 2,000 principals (61%), 8.2 s" redrawn at most ten times a second, on a terminal. */
function progressLine(io: AccountIo, total: number): { step(): void; end(): void } {
  const start = io.now();
  let done = 0;
  let drawn = -Infinity;
  const draw = () => {
    const pct = total === 0 ? 100 : Math.floor((done * 100) / total);
    io.stderr(
      `\rrefining ${figure(done)} / ${figure(total)} principals (${pct}%), ${((io.now() - start) / 1000).toFixed(1)} s\u001b[K`,
    );
  };
  return {
    step() {
      done++;
      if (!io.stderrIsTTY || io.now() - drawn < 100) return;
      drawn = io.now();
      draw();
    },
    end() {
      if (io.stderrIsTTY) io.stderr('\r\u001b[K');
    },
  };
}
