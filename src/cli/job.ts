// The refinement and its output, from texts already read: what runs in the command's own process or
// in its child, which the time limit can stop (refine.ts chooses). Everything it says goes through a
// Sink.
import {
  parseFindings,
  parseKeepList,
  parsePolicy,
  printJson,
  refinePolicy,
  type Catalog,
  type PolicyDocument,
  type Recommendation,
  type Warning,
} from '../core';
import { EXIT, type Format } from './args';
import { fileName, shownText } from './fileName';
import { Entries, Printed, writeJson, type OutValue } from './jsonWriter';
import { writeUnifiedDiff } from './unifiedDiff';

export interface JobInput {
  /** The path as given on the command line, - for stdin. */
  path: string;
  text: string;
}

export interface Job {
  policies: JobInput[];
  unused: JobInput;
  used: boolean;
  keep?: JobInput;
  format: Format;
  sizeLimit?: number;
}

export interface Sink {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The refinement is done and proven: only writing the output is left (the time limit ends). */
  refined(): void;
}

type Refined = Recommendation & { path: string };

/**
 * What the output needs of a refined policy, taken as soon as it is refined so the rest of its
 * Recommendation (documents, forms, line maps) can go: a batch of 1,594 policies kept whole held
 * ~150 MB, and copying it from one young generation to the next was most of the run's GC time.
 */
interface Done {
  path: string;
  recommendedAction: Recommendation['recommendedAction'];
  /** Why the proof of the result or of its split failed (a bug), or null. */
  failed: string | null;
  warnings: Warning[];
  text: string | null;
  /** The original as printed, for --format diff only. */
  originalText: string | null;
  /** The policy's part of the output in --format aws (its steps) or json (its entry). */
  shaped: OutValue;
}

/** The key of a policy in the output: its path as given, so a/x.json and b/x.json stay apart. */
const key = (path: string): string => (path === '-' ? 'stdin' : path);

function detachLine(p: Done): string {
  return `${fileName(p.path)}: DETACH_POLICY: every permission it grants is unused\n`;
}

/**
 * A policy's steps in IAM Access Analyzer's GetFindingRecommendation. A result over the size limit
 * that can be split is one CREATE_POLICY step per managed policy of the split, all for the same
 * existing policy.
 */
function awsSteps(p: Refined): OutValue[] {
  const step = (recommendedPolicy: string | undefined): OutValue => ({
    unusedPermissionsRecommendedStep: {
      recommendedAction: p.recommendedAction,
      existingPolicyId: key(p.path),
      recommendedPolicy,
    },
  });
  return p.split && p.split.parts.length > 0
    ? p.split.parts.map((part) => step(printJson(part.document, 0)))
    : [step(p.document ? printJson(p.document, 0) : undefined)];
}

function jsonEntry(p: Refined): OutValue {
  return {
    name: key(p.path),
    recommendedAction: p.recommendedAction,
    recommendedPolicy: p.text === null ? null : new Printed(p.text),
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
      keptOnPurpose: d.keptOnPurpose,
      replacement: d.replacement,
      nodes: d.nodes,
    })),
    levels: p.levels,
    split: p.split
      ? {
          parts: p.split.parts.map((part) => ({
            recommendedPolicy: new Printed(part.text),
            size: part.size,
          })),
          proof: p.split.proof,
          why: p.split.why,
        }
      : null,
    notActionForm: p.notActionForm
      ? {
          recommendedPolicy: new Printed(p.notActionForm.text),
          size: p.notActionForm.size,
          chosen: p.notActionForm.chosen,
        }
      : null,
    warnings: p.warnings,
    unused: p.unused,
    universe: p.universe,
  };
}

function done(p: Refined, format: Format): Done {
  const proof = !p.proof.ok ? p.proof : p.split?.proof && !p.split.proof.ok ? p.split.proof : null;
  return {
    path: p.path,
    recommendedAction: p.recommendedAction,
    failed: proof && !proof.ok ? proof.message : null,
    warnings: p.warnings,
    text: p.text,
    originalText: format === 'diff' ? p.originalText : null,
    shaped: format === 'aws' ? awsSteps(p) : format === 'json' ? jsonEntry(p) : null,
  };
}

/** Refines every policy of the job and writes the output; returns the exit status. */
export function runJob(job: Job, catalog: Catalog, sink: Sink): number {
  const refused = (input: JobInput, e: { line: number; column: number; message: string }) => {
    sink.stderr(`refine: ${fileName(input.path)}:${e.line}:${e.column}: ${e.message}\n`);
    return EXIT.badInput;
  };
  const findings = parseFindings(job.unused.text, { used: job.used });
  if (!findings.ok) return refused(job.unused, findings.error);
  const keep = job.keep ? parseKeepList(job.keep.text) : null;
  if (keep && !keep.ok && job.keep) return refused(job.keep, keep.error);
  // Every policy is read before any is refined: a broken second file is reported before work starts.
  const documents: (PolicyDocument | null)[] = [];
  for (const input of job.policies) {
    const doc = parsePolicy(input.text);
    if (!doc.ok) return refused(input, doc.error);
    documents.push(doc.value);
  }
  const policies = documents.map((doc, i) => {
    const path = job.policies[i].path;
    documents[i] = null; // let go once refined, like the rest of its refinement
    // Trie nodes per decision are only printed by --format json; others do without their memory.
    const recommendation = refinePolicy(doc as PolicyDocument, findings.value, catalog, {
      sizeLimit: job.sizeLimit,
      keep: keep?.ok ? keep.value : undefined,
      decisionNodes: job.format === 'json',
    });
    return done({ path, ...recommendation }, job.format);
  });
  for (const p of policies)
    if (p.failed !== null) {
      sink.stderr(
        `refine: ${fileName(p.path)}: ${p.failed}\nThis is a bug in the refiner; nothing was written.\n`,
      );
      return EXIT.bug;
    }
  sink.refined();
  for (const p of policies)
    for (const w of p.warnings)
      sink.stderr(
        `warning: ${fileName(p.path)}${w.line ? `:${w.line}:${w.column}` : ''}: ${w.message}\n`,
      );
  const line = (text: string): void => sink.stdout(text + '\n');
  switch (job.format) {
    case 'aws':
      writeJson(
        {
          recommendationType: 'UnusedPermissionRecommendation',
          status: 'SUCCEEDED',
          recommendedSteps: policies.flatMap((p) => p.shaped as OutValue[]),
        },
        sink.stdout,
      );
      line('');
      break;
    case 'json': {
      const f = findings.value;
      writeJson(
        {
          findings: { kind: f.kind, mode: f.mode, summary: f.summary },
          policies: policies.map((p) => p.shaped),
        },
        sink.stdout,
      );
      line('');
      break;
    }
    case 'diff':
      for (const p of policies)
        writeUnifiedDiff(
          shownText(`a/${key(p.path)}`),
          p.text === null ? '/dev/null' : shownText(`b/${key(p.path)}`),
          p.recommendedAction,
          p.originalText ?? '',
          p.text,
          sink.stdout,
        );
      break;
    case 'policy':
      if (policies.length === 1) {
        const p = policies[0];
        if (p.text === null) sink.stderr(detachLine(p));
        else line(p.text);
      } else {
        const out = new Entries(
          policies.map((p) => [key(p.path), p.text === null ? null : new Printed(p.text)] as const),
        );
        writeJson(out, sink.stdout);
        line('');
        for (const p of policies) if (p.text === null) sink.stderr(detachLine(p));
      }
      break;
  }
  return EXIT.done;
}
