// The lines of the printed recommended policy: which entry a line holds, and which rewrite wrote it.
// Apart from DiffView, so the recommended policy (drawn with the answer) does not load the diff.
import type { PatternDecision } from '../core';
import type { RecommendationView } from '../worker/protocol';

export function literal(line: string): string | null {
  const m = /^\s*"((?:[^"\\]|\\.)*)",?\s*$/.exec(line);
  return m ? m[1] : null;
}

/** The rewritten pattern whose replacement wrote this line (1-based) of the recommended policy. */
export function decisionAtLine(rec: RecommendationView, line: number): PatternDecision | null {
  const d = rec.lines[line - 1] ?? -1;
  return d < 0 ? null : (rec.decisions[d] ?? null);
}
