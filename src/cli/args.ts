// The command line's flags, split as Node's util.parseArgs splits them (flags.ts); the checks and
// messages are ours.
import { MAX_FINDINGS_CHARS, MAX_KEEP_CHARS, MAX_POLICY_CHARS, quote } from '../core';
import { figure } from '../core/numbers';
import { fileName } from './fileName';
import { splitFlags, type FlagSpec } from './flags';

export const FORMATS = ['policy', 'diff', 'json', 'aws'] as const;
export type Format = (typeof FORMATS)[number];

/** Exit statuses, as USAGE documents them. */
export const EXIT = { done: 0, bug: 1, badInput: 2, timeLimit: 3, memory: 4 } as const;

/** The same bound as the app's: seconds a refinement may run. */
export const TIME_LIMIT = { default: 30, min: 0.1, max: 600 };

/**
 * Inputs under this many characters in all are refined in the command's own process unless a
 * --time-limit is given: most refine in far less time than a second start of Node costs (the worked
 * example is ~2 K). Larger inputs, or any explicit --time-limit, get the child, where the time and
 * memory bounds hold.
 */
export const IN_PROCESS_CHARS = 64 * 1024;

const MB = (chars: number): string => `${chars / 1048576} MB`;

export const USAGE = `Usage: npm run --silent refine -- --policy FILE [--policy FILE ...] --unused FILE [options]

Rewrites every Allow statement of each policy so it allows exactly what it allowed before minus the
unused actions, replacing touched wildcards by the shortest word-level wildcards that touch none.

  --policy FILE      an IAM policy document (JSON, UTF-8, up to ${MB(MAX_POLICY_CHARS)}); repeat for several;
                     - reads stdin
  --unused FILE      the unused permissions (up to ${MB(MAX_FINDINGS_CHARS)}): short form, GetFindingV2,
                     GetServiceLastAccessedDetails, or a list of actions (one per line or a JSON array);
                     - reads stdin
  --used FILE        instead of --unused: the actions that were used; all else the policy allows is unused
  --keep FILE        actions or patterns never to remove, even when reported unused (one per line or a
                     JSON list, up to ${MB(MAX_KEEP_CHARS)}): backups, disaster recovery, yearly jobs
  --format F         policy (default: the recommended document), diff (unified diff against the
                     original), json (recommendation, decisions, proof, warnings, counts by access
                     level, the split), aws (the shape of IAM Access Analyzer's
                     GetFindingRecommendation; a result over the size limit as one CREATE_POLICY
                     step per managed policy of its split)
  --size-limit N     characters without white space (default 6144, the managed policy quota)
  --time-limit S     refine in a child process, stopped after S seconds (${TIME_LIMIT.min} to ${TIME_LIMIT.max}) or at its
                     memory bound. Without it, inputs under ${IN_PROCESS_CHARS / 1024} KB in all (${figure(IN_PROCESS_CHARS)} characters) are
                     refined in this process, larger ones in the child stopped after ${TIME_LIMIT.default} s
  --help             this text

Exit status: 0 done, 2 bad input, 3 stopped at the time limit, 4 stopped for lack of memory,
1 a bug (the exactness proof failed).`;

export class UsageError extends Error {}

export interface Args {
  policies: string[];
  unused: string;
  used: boolean;
  /** The keep list's path, if any. */
  keep?: string;
  format: Format;
  sizeLimit?: number;
  /** Milliseconds, when --time-limit is given. */
  timeLimit?: number;
}

const OPTIONS: Record<string, FlagSpec & { multiple?: true }> = {
  policy: { type: 'string', multiple: true },
  unused: { type: 'string', multiple: true },
  used: { type: 'string', multiple: true },
  keep: { type: 'string', multiple: true },
  format: { type: 'string' },
  'size-limit': { type: 'string' },
  'time-limit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** The arguments, or 'help'; a UsageError says what is wrong with them. */
export function readArgs(argv: readonly string[]): Args | 'help' {
  const values: Record<string, string | string[] | true> = {};
  for (const t of splitFlags(argv, OPTIONS)) {
    // What the user typed is quoted like any user text: a stray ESC[2J must not reach the terminal.
    if (t.kind === 'positional') throw new UsageError(`unknown argument ${quote(t.value)}`);
    if (t.kind === 'option-terminator') throw new UsageError('unknown argument "--"');
    if (!Object.hasOwn(OPTIONS, t.name))
      throw new UsageError(`unknown argument ${quote(t.rawName)}`);
    const spec = OPTIONS[t.name];
    if (spec.type === 'string' && t.value === undefined)
      throw new UsageError(`${t.rawName} needs a value`);
    if (spec.type === 'boolean' && t.value !== undefined)
      throw new UsageError(`${t.rawName} takes no value`);
    const previous = values[t.name];
    values[t.name] =
      t.value === undefined
        ? true
        : spec.multiple
          ? [...(Array.isArray(previous) ? previous : []), t.value]
          : t.value;
  }
  if (values.help) return 'help';
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  const policies = strings(values.policy);
  const unused = strings(values.unused);
  const used = strings(values.used);
  if (unused.length + used.length > 1) throw new UsageError('give one of --unused or --used, once');
  const keep = strings(values.keep);
  if (keep.length > 1) throw new UsageError('give --keep once (one file may list many actions)');
  const format = (values.format ?? 'policy') as string;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${quote(format)}`);
  let sizeLimit: number | undefined;
  if (values['size-limit'] !== undefined) {
    sizeLimit = Number(values['size-limit']);
    if (!Number.isInteger(sizeLimit) || sizeLimit <= 0)
      throw new UsageError('--size-limit must be a positive whole number');
  }
  let seconds: number | undefined;
  if (values['time-limit'] !== undefined) {
    const text = String(values['time-limit']);
    seconds = Number(text);
    if (text.trim() === '' || !(seconds >= TIME_LIMIT.min && seconds <= TIME_LIMIT.max))
      throw new UsageError(
        `--time-limit must be a number of seconds from ${TIME_LIMIT.min} to ${TIME_LIMIT.max}`,
      );
  }
  if (policies.length === 0) throw new UsageError('no --policy FILE given');
  if (unused.length + used.length === 0)
    throw new UsageError('no --unused FILE (or --used FILE) given');
  const inputs = [...policies, ...unused, ...used, ...keep];
  if (inputs.filter((p) => p === '-').length > 1)
    throw new UsageError('only one input can be read from stdin (-)');
  const twice = policies.find((p, i) => policies.indexOf(p) !== i);
  if (twice !== undefined) throw new UsageError(`--policy ${fileName(twice)} is given twice`);
  return {
    policies,
    unused: unused[0] ?? used[0],
    used: used.length > 0,
    keep: keep[0],
    format: format as Format,
    sizeLimit,
    timeLimit: seconds === undefined ? undefined : seconds * 1000,
  };
}
