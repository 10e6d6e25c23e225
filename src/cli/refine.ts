// The command line over core: files in, the recommendation out, for CI pipelines and batches.
// Exit 0 on success, 2 on bad input (one line on stderr), 1 on a bug.
import { createTwoFilesPatch } from 'diff';
import { basename } from 'node:path';
import { printJson, refine, type Catalog, type Refinement } from '../core';

export interface CliIo {
  readFile(path: string): string;
  readStdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const FORMATS = ['policy', 'diff', 'json', 'aws'] as const;
type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: npm run --silent refine -- --policy FILE [--policy FILE ...] --unused FILE [options]

Rewrites every Allow statement of each policy so it allows exactly what it allowed before minus the
unused actions, replacing touched wildcards by the shortest word-level wildcards that touch none.

  --policy FILE      an IAM policy document (JSON); repeat for several; - reads stdin
  --unused FILE      the unused permissions: short form, GetFindingV2, GetServiceLastAccessedDetails,
                     or a list of actions (one per line or a JSON array); - reads stdin
  --used FILE        instead of --unused: the actions that were used; all else the policy allows is unused
  --format F         policy (default: the recommended document), diff (unified diff against the
                     original), json (recommendation, decisions, proof, warnings), aws (the shape of
                     IAM Access Analyzer's GetFindingRecommendation)
  --size-limit N     characters without white space (default 6144, the managed policy quota)
  --help             this text

Exit status: 0 done, 2 bad input, 1 a bug (the exactness proof failed).`;

class UsageError extends Error {}

interface Args {
  policies: string[];
  unused: string | null;
  used: boolean;
  format: Format;
  sizeLimit?: number;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { policies: [], unused: null, used: false, format: 'policy', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--policy':
        args.policies.push(value());
        break;
      case '--unused':
      case '--used':
        if (args.unused !== null) throw new UsageError('give one of --unused or --used, once');
        args.unused = value();
        args.used = flag === '--used';
        break;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f))
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${f}"`);
        args.format = f as Format;
        break;
      }
      case '--size-limit': {
        const n = Number(value());
        if (!Number.isInteger(n) || n <= 0)
          throw new UsageError('--size-limit must be a positive whole number');
        args.sizeLimit = n;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${a}"`);
    }
  }
  if (args.help) return args;
  if (args.policies.length === 0) throw new UsageError('no --policy FILE given');
  if (args.unused === null) throw new UsageError('no --unused FILE (or --used FILE) given');
  if ([...args.policies, args.unused].filter((p) => p === '-').length > 1)
    throw new UsageError('only one input can be read from stdin (-)');
  return args;
}

function displayName(path: string): string {
  return path === '-' ? 'stdin' : path;
}

function awsShape(r: Refinement): unknown {
  return {
    recommendationType: 'UnusedPermissionRecommendation',
    status: 'SUCCEEDED',
    recommendedSteps: r.policies.map((p) => ({
      unusedPermissionsRecommendedStep: {
        recommendedAction: p.recommendedAction,
        existingPolicyId: p.name,
        ...(p.document ? { recommendedPolicy: printJson(p.document, 0) } : {}),
      },
    })),
  };
}

function jsonShape(r: Refinement): unknown {
  return {
    findings: { kind: r.findings.kind, mode: r.findings.mode, summary: r.findings.summary },
    policies: r.policies.map((p) => ({
      name: p.name,
      recommendedAction: p.recommendedAction,
      recommendedPolicy: p.document ? JSON.parse(printJson(p.document, 0)) : null,
      size: p.size,
      proof: p.proof,
      statements: p.statements,
      decisions: p.decisions.map((d) => ({
        statement: d.statement,
        position: d.position,
        pattern: d.pattern,
        line: d.line,
        column: d.column,
        outcome: d.outcome,
        reason: d.reason,
        matched: d.matched,
        unused: d.unused,
        replacement: d.replacement,
        nodes: d.nodes,
      })),
      notActionForm: p.notActionForm
        ? {
            recommendedPolicy: JSON.parse(printJson(p.notActionForm.document, 0)),
            size: p.notActionForm.size,
            chosen: p.notActionForm.chosen,
          }
        : null,
      warnings: p.warnings,
      unused: p.unused,
      universe: p.universe,
    })),
  };
}

/** Runs the CLI; returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo, loadCatalog: () => Catalog): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`refine: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const read = (path: string): string | null => {
    try {
      return path === '-' ? io.readStdin() : io.readFile(path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      io.stderr(
        `refine: ${displayName(path)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(e)})`}\n`,
      );
      return null;
    }
  };
  const unusedText = read(args.unused as string);
  if (unusedText === null) return 2;
  const policies: { name: string; text: string; path: string }[] = [];
  for (const path of args.policies) {
    const text = read(path);
    if (text === null) return 2;
    policies.push({ name: path === '-' ? 'stdin' : basename(path), text, path });
  }
  const result = refine(policies, unusedText, loadCatalog(), {
    used: args.used,
    sizeLimit: args.sizeLimit,
  });
  if (!result.ok) {
    const e = result.error;
    const path =
      e.input === 'unused permissions'
        ? (args.unused as string)
        : (policies.find((p) => p.name === e.input)?.path ?? e.input);
    io.stderr(`refine: ${displayName(path)}:${e.line}:${e.column}: ${e.message}\n`);
    return 2;
  }
  const r = result.value;
  for (const p of r.policies) {
    if (!p.proof.ok) {
      io.stderr(
        `refine: ${p.name}: ${p.proof.message}\nThis is a bug in the refiner; nothing was written.\n`,
      );
      return 1;
    }
  }
  for (const p of r.policies)
    for (const w of p.warnings)
      io.stderr(`warning: ${p.name}${w.line ? `:${w.line}:${w.column}` : ''}: ${w.message}\n`);
  switch (args.format) {
    case 'aws':
      io.stdout(JSON.stringify(awsShape(r), null, 2) + '\n');
      break;
    case 'json':
      io.stdout(JSON.stringify(jsonShape(r), null, 2) + '\n');
      break;
    case 'diff':
      for (const p of r.policies)
        io.stdout(
          createTwoFilesPatch(
            `a/${p.name}`,
            p.text === null ? '/dev/null' : `b/${p.name}`,
            p.originalText + '\n',
            p.text === null ? '' : p.text + '\n',
            '',
            p.recommendedAction,
          ),
        );
      break;
    case 'policy':
      if (r.policies.length === 1) {
        const p = r.policies[0];
        if (p.text === null)
          io.stderr(`${p.name}: DETACH_POLICY: every permission it grants is unused\n`);
        else io.stdout(p.text + '\n');
      } else {
        const out: Record<string, unknown> = {};
        for (const p of r.policies)
          out[p.name] = p.document ? JSON.parse(printJson(p.document, 0)) : null;
        io.stdout(JSON.stringify(out, null, 2) + '\n');
        for (const p of r.policies)
          if (p.text === null)
            io.stderr(`${p.name}: DETACH_POLICY: every permission it grants is unused\n`);
      }
      break;
  }
  return 0;
}
