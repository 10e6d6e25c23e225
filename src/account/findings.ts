// The unused permissions of many principals at once: GetFindingV2 findings (a JSON array, JSON lines,
// or one file each), matched to a principal by their `resource` ARN; or a map from a principal's ARN
// or name to any kind the single-policy view accepts. A finding for a principal the account file does
// not have is listed, never dropped in silence.
import {
  LineMap,
  parseFindings,
  parseJson,
  type Findings,
  type FindingsOptions,
  type JsonValue,
} from '../core';
import type { Principal } from './authorization';
import type { SourceFile } from './documents';
import { field, stringField } from './fields';
import { describeJson } from './shape';

/** A finding that refines nothing, and why. */
export interface SetAsideFinding {
  resource: string;
  reason: string;
  input: string;
  line: number;
  column: number;
}

export interface FindingsProblem {
  message: string;
  input: string;
  line: number;
  column: number;
  /** The principal it was for, when known: that principal is not refined. */
  principal: string | null;
}

export interface AccountFindings {
  /** Principal ARN -> its unused permissions, merged across its findings. */
  byPrincipal: Map<string, Findings>;
  /** Findings for principals the account file does not have, and findings of other types. */
  setAside: SetAsideFinding[];
  problems: FindingsProblem[];
  /** How many findings (or map entries) were read. */
  read: number;
}

/** Looks a principal up by ARN, by `role/Name` or `user/Name`, or by a name only one principal has. */
export class PrincipalIndex {
  private readonly keys = new Map<string, string | null>();
  constructor(principals: readonly Principal[]) {
    const add = (key: string, arn: string) =>
      this.keys.set(key, this.keys.has(key) && this.keys.get(key) !== arn ? null : arn);
    for (const p of principals) {
      add(p.arn, p.arn);
      const account = /^arn:[a-z-]+:iam::(\d*):/.exec(p.arn)?.[1] ?? '';
      // A role ARN carries its path, and a name is unique in an account whatever the path.
      add(`${account}|${p.kind}/${p.name}`, p.arn);
      add(`${p.kind}/${p.name}`, p.arn);
      add(p.name, p.arn);
    }
  }
  find(key: string): string | null {
    const exact = this.keys.get(key);
    if (exact) return exact;
    const arn = /^arn:[a-z-]+:iam::(\d*):(role|user)\/(?:.*\/)?([^/]+)$/.exec(key);
    if (arn) return this.keys.get(`${arn[1]}|${arn[2]}/${arn[3]}`) ?? null;
    return null;
  }
}

interface Piece {
  /** The text of one value, for core's findings reader. */
  text: string;
  file: SourceFile;
  /** Where the text starts in the file, to place what core says about it. */
  line: number;
  column: number;
}

export function readAccountFindings(
  files: readonly SourceFile[],
  principals: readonly Principal[],
  options: FindingsOptions = {},
): AccountFindings {
  const index = new PrincipalIndex(principals);
  const out: AccountFindings = { byPrincipal: new Map(), setAside: [], problems: [], read: 0 };
  const failed = new Set<string>();
  const problem = (
    piece: Piece,
    message: string,
    line: number,
    column: number,
    principal: string | null,
  ) => {
    out.problems.push({
      message,
      input: piece.file.name,
      line: piece.line + line - 1,
      column: line === 1 ? piece.column + column - 1 : column,
      principal,
    });
    if (principal) failed.add(principal);
  };
  const add = (piece: Piece, principal: string) => {
    out.read++;
    const f = parseFindings(piece.text, options);
    if (!f.ok) return problem(piece, f.error.message, f.error.line, f.error.column, principal);
    const before = out.byPrincipal.get(principal);
    if (before && before.mode !== f.value.mode)
      return problem(
        piece,
        'This principal is given both unused and used actions: give one kind',
        1,
        1,
        principal,
      );
    out.byPrincipal.set(principal, before ? merge(before, f.value) : f.value);
  };
  const finding = (piece: Piece, node: FindingHead) => {
    const resource = node.resource;
    const at = { input: piece.file.name, line: piece.line, column: piece.column };
    if (!resource)
      return problem(
        piece,
        'This finding has no "resource": it cannot be matched to a principal',
        1,
        1,
        null,
      );
    const type = node.findingType;
    const status = node.status;
    if (type && type !== 'UnusedPermission')
      return out.setAside.push({
        resource,
        reason: `a ${type} finding: it names no unused permission`,
        ...at,
      });
    if (status && status !== 'ACTIVE')
      return out.setAside.push({
        resource,
        reason: `status ${status}: only ACTIVE findings are used`,
        ...at,
      });
    const principal = index.find(resource);
    if (!principal)
      return out.setAside.push({
        resource,
        reason: 'no such role or user in the account file',
        ...at,
      });
    add(piece, principal);
  };

  for (const file of files) {
    const lines = new LineMap(file.text);
    const pieceOf = (v: JsonValue): Piece => ({
      text: file.text.slice(v.start, v.end),
      file,
      ...lines.position(v.start),
    });
    const whole: Piece = { text: file.text, file, line: 1, column: 1 };
    if (file.text.trim() === '') {
      problem(whole, 'The findings file is empty', 1, 1, null);
      continue;
    }
    const parsed = parseJson(file.text);
    if (!parsed.ok) {
      if (!readJsonLines(file, finding, problem))
        problem(whole, parsed.error.message, parsed.error.line, parsed.error.column, null);
      continue;
    }
    const root = parsed.value;
    if (
      root.kind === 'array' &&
      root.items.every((v) => field(v, 'findingDetails') || field(v, 'findingType'))
    ) {
      for (const item of root.items) finding(pieceOf(item), headOf(item));
    } else if (
      root.kind === 'object' &&
      (field(root, 'findingDetails') || field(root, 'findingType'))
    ) {
      finding(whole, headOf(root));
    } else if (
      root.kind === 'object' &&
      root.entries.length > 0 &&
      root.entries.every((e) => isPrincipalKey(e.key))
    ) {
      for (const e of root.entries) {
        const principal = index.find(e.key);
        const piece = pieceOf(e.value);
        if (principal) add(piece, principal);
        else
          out.setAside.push({
            resource: e.key,
            reason: 'no such role or user in the account file',
            input: file.name,
            line: piece.line,
            column: piece.column,
          });
      }
    } else {
      problem(
        whole,
        `This is ${describeJson(root)}. For an account, give GetFindingV2 findings (a JSON array, JSON lines, or a directory of them: each names its principal in "resource"), or an object from each principal's ARN to its unused permissions in any accepted form`,
        lines.position(root.start).line,
        lines.position(root.start).column,
        null,
      );
    }
  }
  for (const arn of failed) out.byPrincipal.delete(arn);
  return out;
}

/** Keys of a per-principal map: an ARN, `role/Name`, `user/Name`, or a bare name. */
function isPrincipalKey(key: string): boolean {
  return (
    /^arn:[a-z-]+:iam::\d*:(role|user)\//.test(key) ||
    /^(role|user)\/[\w+=,.@/-]+$/.test(key) ||
    (/^[\w+=,.@-]{1,128}$/.test(key) && !RESERVED.has(key))
  );
}

/** Top-level keys of single-principal inputs, which must not be read as principal names. */
const RESERVED = new Set([
  'findingDetails',
  'ServicesLastAccessed',
  'Records',
  'Events',
  'usedActions',
  'unusedActions',
  'Statement',
  'Version',
  'findings',
  'recommendedSteps',
  'JobStatus',
  'JobType',
  'RoleDetailList',
  'UserDetailList',
  'GroupDetailList',
  'Policies',
  'IsTruncated',
  'Marker',
]);

/** JSON lines: one finding per line. False when the text is not that either (its first line is not an object). */
/** What matching a finding needs, read before core reads its details. */
interface FindingHead {
  resource?: string;
  findingType?: string;
  status?: string;
}

function headOf(v: JsonValue): FindingHead {
  return {
    resource: stringField(v, 'resource'),
    findingType: stringField(v, 'findingType'),
    status: stringField(v, 'status'),
  };
}

function plainHead(v: unknown): FindingHead {
  const o = v as Record<string, unknown>;
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  return { resource: s('resource'), findingType: s('findingType'), status: s('status') };
}

function readJsonLines(
  file: SourceFile,
  finding: (piece: Piece, node: FindingHead) => void,
  problem: (
    piece: Piece,
    message: string,
    line: number,
    column: number,
    principal: string | null,
  ) => void,
): boolean {
  const rows = file.text.split('\n');
  const firstRow = rows.findIndex((r) => r.trim() !== '');
  const head = parseJson(rows[firstRow]);
  if (!head.ok || head.value.kind !== 'object') return false;
  rows.forEach((row, i) => {
    if (row.trim() === '') return;
    const piece: Piece = { text: row, file, line: i + 1, column: 1 };
    // The engine's parser first (core then reads the details, with positions); core's for errors.
    let plain: unknown;
    try {
      plain = JSON.parse(row);
    } catch {
      plain = undefined;
    }
    if (plain !== null && typeof plain === 'object' && !Array.isArray(plain))
      return finding(piece, plainHead(plain));
    const parsed = parseJson(row);
    if (!parsed.ok)
      problem(
        piece,
        `${parsed.error.message} (JSON lines: one finding per line)`,
        1,
        parsed.error.column,
        null,
      );
    else if (parsed.value.kind !== 'object')
      problem(
        piece,
        `Each line must be a GetFindingV2 finding, not ${describeJson(parsed.value)}`,
        1,
        1,
        null,
      );
    else finding(piece, headOf(parsed.value));
  });
  return true;
}

/** Several findings for one principal (pages of one finding, or one per service) make one set. */
function merge(a: Findings, b: Findings): Findings {
  return {
    kind: a.kind,
    mode: a.mode,
    entries: [...a.entries, ...b.entries],
    source: a.source,
    summary: `${a.source}: ${new Set([...a.entries, ...b.entries].map((e) => e.service)).size} services, ${a.entries.length + b.entries.length} entries (merged from several findings)`,
  };
}

/**
 * A principal's unused permissions as the single-policy view's short form (or, for used actions, the
 * list of them), so that opening one of its policies shows exactly what refined it.
 */
export function findingsText(findings: Findings): { text: string; used: boolean } {
  if (findings.mode === 'used')
    return {
      text: findings.entries.map((e) => `${e.service}:${e.action ?? '*'}`).join('\n'),
      used: true,
    };
  const services = new Map<string, string[] | null>();
  for (const e of findings.entries) {
    const known = services.get(e.service);
    if (e.action === null || known === null) services.set(e.service, null);
    else if (known) known.push(e.action);
    else services.set(e.service, [e.action]);
  }
  return {
    text: JSON.stringify(
      [...services].map(([serviceNamespace, actions]) =>
        actions ? { serviceNamespace, actions } : { serviceNamespace },
      ),
      null,
      2,
    ),
    used: false,
  };
}
