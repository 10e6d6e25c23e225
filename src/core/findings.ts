// The five accepted kinds of unused-permission input (docs/refinement.md), detected from their
// shape and read into one list of entries: a service, and an action in it or the whole service. Lists
// of actions are read here; each JSON report has its reader in findingsJson.ts.
import {
  cloudTrailEntries,
  findingDetailsEntries,
  lastAccessedEntries,
  shortFormEntries,
} from './findingsJson';
import { entry, stringValue, type JsonValue } from './json';
import { parseJson } from './jsonParser';
import { overLimit, LineMap, quote, Refusal, refusedAt, type Result } from './source';
import { plural } from './messages';
import { foldCase } from './universe';

export type FindingsKind =
  'short-form' | 'get-finding-v2' | 'service-last-accessed' | 'action-list' | 'used-actions';

export const FINDINGS_KINDS: Record<FindingsKind, string> = {
  'short-form': 'Short form ([{"serviceNamespace", "actions"}])',
  'get-finding-v2': 'IAM Access Analyzer GetFindingV2 output',
  'service-last-accessed': 'IAM GetServiceLastAccessedDetails (ACTION_LEVEL)',
  'action-list': 'List of unused actions',
  'used-actions': 'List of used actions',
};

export interface FindingsEntry {
  /** Lower-case service prefix. */
  readonly service: string;
  /** The action name (may hold `*` or `?`), or null for every action of the service. */
  readonly action: string | null;
  readonly line: number;
  readonly column: number;
}

export interface Findings {
  readonly kind: FindingsKind;
  /** 'used': the entries are the actions that were used, and everything else the policy allows is unused. */
  readonly mode: 'unused' | 'used';
  readonly entries: readonly FindingsEntry[];
  /** "GetFindingV2 output: 2 services, 30 actions" */
  readonly summary: string;
  /** The shape this was read from, when it is a sub-kind (CloudTrail events, a plain JSON array). */
  readonly source: string;
}

const ACCEPTED =
  'Accepted: the short form [{"serviceNamespace": "s3", "actions": ["GetObject"]}], GetFindingV2 output, ' +
  'GetServiceLastAccessedDetails output, a list of actions (one per line or a JSON array of strings), ' +
  'or a list of used actions (start it with the line "# used", or paste CloudTrail events)';

/** Larger than any report IAM writes for one role (the whole catalog is about 3 MB of findings). */
export const MAX_FINDINGS_CHARS = 16 * 1024 * 1024;

const ACTION_TEXT = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_.-]+$/;

export interface FindingsOptions {
  /** Read the entries as the actions that were used (the app's toggle, the CLI's --used). */
  used?: boolean;
}

export function parseFindings(text: string, options: FindingsOptions = {}): Result<Findings> {
  const tooLong = overLimit(text, MAX_FINDINGS_CHARS, 'The unused permissions are');
  if (tooLong) return tooLong;
  return refusedAt(text, () => read(text, options));
}

function read(text: string, options: FindingsOptions): Findings {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.search(/\S/);
  if (first < 0) throw new Refusal(0, `The unused permissions are empty. ${ACCEPTED}`);
  const lines = new LineMap(text);
  const offset = text.length - body.length;
  if (body[first] === '{' || body[first] === '[') {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Refusal(parsed.error.offset, `${parsed.error.message}. ${ACCEPTED}`);
    return readJson(parsed.value, lines, options);
  }
  return readLines(body, offset, lines, options);
}

function summarize(
  kind: FindingsKind,
  entries: FindingsEntry[],
  source: string,
  mode: 'unused' | 'used',
): Findings {
  const services = new Set(entries.map((e) => e.service));
  const whole = entries.filter((e) => e.action === null).length;
  const actions = entries.length - whole;
  const parts = [plural(services.size, 'service'), plural(actions, 'action')];
  if (whole > 0) parts.push(plural(whole, 'whole service'));
  const finalKind: FindingsKind = mode === 'used' ? 'used-actions' : kind;
  return { kind: finalKind, mode, entries, source, summary: `${source}: ${parts.join(', ')}` };
}

function splitAction(
  text: string,
  offset: number,
  what: string,
): { service: string; action: string } {
  if (!ACTION_TEXT.test(text))
    throw new Refusal(
      offset,
      `${what} ${quote(text)} is not an action like s3:GetObject. ${ACCEPTED}`,
    );
  const colon = text.indexOf(':');
  return { service: foldCase(text.slice(0, colon)), action: text.slice(colon + 1) };
}

function readLines(
  body: string,
  offset: number,
  lines: LineMap,
  options: FindingsOptions,
): Findings {
  const entries: FindingsEntry[] = [];
  let used = options.used === true;
  let at = offset;
  let firstContent = true;
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith('//')) {
      if (firstContent && /^(#|\/\/)\s*used\b/i.test(trimmed)) used = true;
    } else if (trimmed.length > 0) {
      firstContent = false;
      const re = /[^\s,"'[\]]+/g;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        const pos = lines.position(at + m.index);
        const { service, action } = splitAction(m[0], at + m.index, `Line ${pos.line}:`);
        entries.push({ service, action, ...pos });
      }
    }
    at += line.length + 1;
  }
  if (entries.length === 0)
    throw new Refusal(offset, `No action found: only comments. ${ACCEPTED}`);
  return summarize(
    'action-list',
    entries,
    used ? FINDINGS_KINDS['used-actions'] : FINDINGS_KINDS['action-list'],
    used ? 'used' : 'unused',
  );
}

function readJson(root: JsonValue, lines: LineMap, options: FindingsOptions): Findings {
  const pos = (v: JsonValue) => lines.position(v.start);
  const used = options.used === true;
  if (root.kind === 'array') {
    if (root.items.length === 0) throw new Refusal(root.start, `The list is empty. ${ACCEPTED}`);
    const head = root.items[0];
    if (root.items.every((v) => v.kind === 'string')) {
      const entries = root.items.map((v) => {
        const { service, action } = splitAction(stringValue(v) as string, v.start, 'The entry');
        return { service, action, ...pos(v) };
      });
      return summarize(
        'action-list',
        entries,
        used ? FINDINGS_KINDS['used-actions'] : FINDINGS_KINDS['action-list'],
        used ? 'used' : 'unused',
      );
    }
    if (head.kind === 'object' && entry(head, 'serviceNamespace'))
      return summarize(
        'short-form',
        shortFormEntries(root.items, lines),
        used ? FINDINGS_KINDS['used-actions'] : FINDINGS_KINDS['short-form'],
        used ? 'used' : 'unused',
      );
    if (head.kind === 'object' && entry(head, 'unusedPermissionDetails'))
      return findingDetails(root.items, root, lines, used);
    if (head.kind === 'object' && entry(head, 'eventSource'))
      return cloudTrail(root.items, lines, 'eventSource', 'eventName');
    const bad = root.items.find((v) => v.kind !== 'string') ?? head;
    throw new Refusal(
      bad.start,
      `This list holds ${bad.kind === 'object' ? 'objects without "serviceNamespace"' : `a ${bad.kind}`}. ${ACCEPTED}`,
    );
  }
  if (root.kind !== 'object')
    throw new Refusal(
      root.start,
      `A ${root.kind} is not a list of unused permissions. ${ACCEPTED}`,
    );
  const details = entry(root, 'findingDetails');
  if (details) {
    if (details.kind !== 'array')
      throw new Refusal(details.start, '"findingDetails" must be a list');
    const type = stringValue(entry(root, 'findingType'));
    if (type && type !== 'UnusedPermission')
      throw new Refusal(
        root.start,
        `This is a ${quote(type)} finding; only UnusedPermission findings list unused actions`,
      );
    return findingDetails(details.items, details, lines, used);
  }
  const services = entry(root, 'ServicesLastAccessed');
  if (services)
    return summarize(
      'service-last-accessed',
      lastAccessedEntries(root, services, lines),
      used ? FINDINGS_KINDS['used-actions'] : 'GetServiceLastAccessedDetails output',
      used ? 'used' : 'unused',
    );
  const records = entry(root, 'Records');
  if (records?.kind === 'array')
    return cloudTrail(records.items, lines, 'eventSource', 'eventName');
  const events = entry(root, 'Events');
  if (events?.kind === 'array') return cloudTrail(events.items, lines, 'EventSource', 'EventName');
  for (const key of ['usedActions', 'unusedActions']) {
    const list = entry(root, key);
    if (list?.kind === 'array') {
      if (list.items.length === 0)
        throw new Refusal(
          list.start,
          key === 'usedActions'
            ? '"usedActions" is empty: with nothing used, everything the policy allows would be removed. List the actions that were used'
            : '"unusedActions" is empty: nothing to remove',
        );
      const entries = list.items.map((v) => {
        if (v.kind !== 'string')
          throw new Refusal(
            v.start,
            `Every entry of "${key}" must be a string like "s3:GetObject"`,
          );
        return { ...splitAction(v.value, v.start, 'The entry'), ...pos(v) };
      });
      const isUsed = used || key === 'usedActions';
      return summarize(
        'action-list',
        entries,
        FINDINGS_KINDS[isUsed ? 'used-actions' : 'action-list'],
        isUsed ? 'used' : 'unused',
      );
    }
  }
  if (entry(root, 'findings'))
    throw new Refusal(
      root.start,
      'This is a ListFindingsV2 page: it names findings but not their unused actions. Run get-finding-v2 --id <finding id> and paste its output',
    );
  if (entry(root, 'Statement'))
    throw new Refusal(
      root.start,
      'This is a policy, not the unused permissions: paste it in the policy editor',
    );
  if (entry(root, 'recommendedSteps'))
    throw new Refusal(
      root.start,
      'This is a recommendation (GetFindingRecommendation output), not the unused permissions',
    );
  throw new Refusal(
    root.start,
    `This object has none of "findingDetails", "ServicesLastAccessed", "Records". ${ACCEPTED}`,
  );
}

function findingDetails(
  items: JsonValue[],
  container: JsonValue,
  lines: LineMap,
  used: boolean,
): Findings {
  return summarize(
    'get-finding-v2',
    findingDetailsEntries(items, container, lines),
    used ? FINDINGS_KINDS['used-actions'] : 'GetFindingV2 output',
    used ? 'used' : 'unused',
  );
}

function cloudTrail(
  items: JsonValue[],
  lines: LineMap,
  sourceKey: string,
  nameKey: string,
): Findings {
  const entries = cloudTrailEntries(items, lines, sourceKey, nameKey);
  return summarize('used-actions', entries, 'CloudTrail events (used actions)', 'used');
}
