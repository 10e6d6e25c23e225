// Which form the recommendation writes a "*" statement in (the expanded Action list or the
// equivalent NotAction of the unused actions) and why, in the words the trie view shows.
import type { PatternDecision } from '../core';
import type { RecommendationView } from '../worker/protocol';
import { figure } from '../core/numbers';

const n = (x: number) => figure(x);

/** Whether the decision is a pattern over every service, the kind that has a NotAction form. */
function spansAll(d: PatternDecision): boolean {
  return !d.pattern.includes(':') || d.pattern.startsWith('*:');
}

/** The NotAction list the chosen form writes for the decision's statement. */
export function notActionEntries(rec: RecommendationView, d: PatternDecision): string[] | null {
  const alt = rec.notActionForm;
  if (!alt?.chosen) return null;
  try {
    const doc = JSON.parse(alt.text) as { Statement?: unknown };
    const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const at = rec.statements.filter(
      (s) => s.index < d.statement && s.outcome !== 'removed',
    ).length;
    const st = list[at] as { NotAction?: unknown } | undefined;
    const na = st?.NotAction;
    return Array.isArray(na) ? na.map(String) : typeof na === 'string' ? [na] : null;
  } catch {
    return null;
  }
}

/** "Why * became …": the heading of the trie panel. */
export function becameText(rec: RecommendationView, d: PatternDecision): string {
  const na = spansAll(d) ? notActionEntries(rec, d) : null;
  if (na) return `NotAction [${n(na.length)} ${na.length === 1 ? 'entry' : 'entries'}]`;
  return d.replacement.length === 1 ? d.replacement[0] : `${n(d.replacement.length)} entries`;
}

/** The sentence saying which form is recommended and why; null where there is no choice. */
export function formSentence(rec: RecommendationView, d: PatternDecision): string | null {
  const alt = rec.notActionForm;
  const expanded = rec.expandedForm;
  if (!alt || !expanded || !spansAll(d)) return null;
  const limit = n(expanded.size.limit);
  if (alt.chosen) {
    const na = notActionEntries(rec, d);
    return `The recommendation uses the NotAction form: ${d.pattern} minus the unused actions, written as ${na ? `${n(na.length)} NotAction entries` : 'a NotAction list'} (${n(alt.size.chars)} characters). The expanded form drawn here, ${n(d.replacement.length)} entries, allows exactly the same but comes to ${n(expanded.size.chars)} characters, over the ${limit}-character quota.`;
  }
  return `The recommendation uses the expanded form drawn here: ${n(d.replacement.length)} entries, ${n(expanded.size.chars)} characters, within the ${limit}-character quota. The equivalent NotAction form would take ${n(alt.size.chars)} characters.`;
}
