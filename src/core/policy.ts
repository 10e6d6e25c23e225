// An IAM policy document read with source positions, and checked against the policy grammar far
// enough to refine it: Statement, Effect, Action/NotAction. Everything else is kept as written.
import { entry, type JsonArray, type JsonObject, type JsonValue } from './json';
import { parseJson } from './jsonParser';
import {
  overLimit,
  LineMap,
  quote,
  Refusal,
  refusedAt,
  type Result,
  type SourceError,
} from './source';
import { parsePattern, type Pattern } from './patterns';
import { figure } from './numbers';

export interface PatternRef {
  readonly pattern: Pattern;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface Statement {
  readonly index: number;
  readonly node: JsonObject;
  readonly effect: 'Allow' | 'Deny';
  readonly sid?: string;
  readonly actionKey: 'Action' | 'NotAction';
  /** Action given as a list, not a single string. */
  readonly actionIsList: boolean;
  readonly patterns: readonly PatternRef[];
  readonly line: number;
  readonly column: number;
}

/** What IAM would reject but the refiner can keep as written: reported as a warning, not refused. */
export interface GrammarNote {
  readonly code: 'unknown-key' | 'invalid-sid';
  readonly message: string;
  readonly statement?: number;
  readonly line: number;
  readonly column: number;
}

export interface PolicyDocument {
  readonly text: string;
  readonly root: JsonObject;
  readonly statementIsList: boolean;
  readonly statements: readonly Statement[];
  readonly notes: readonly GrammarNote[];
}

/** IAM's own limit is far lower; this bound keeps a browser tab responsive and is stated to the user. */
export const MAX_POLICY_CHARS = 8 * 1024 * 1024;
/** Statements in one policy (IAM's quotas allow about a hundred); 10,000 refine in about a second. */
export const MAX_STATEMENTS = 10_000;
/** Entries of all Action and NotAction lists of one policy; 100,000 refine in about two seconds. */
export const MAX_ACTION_ENTRIES = 100_000;

function typeName(v: JsonValue): string {
  return v.kind === 'true' || v.kind === 'false'
    ? 'a boolean'
    : v.kind === 'null'
      ? 'null'
      : `a${v.kind === 'array' || v.kind === 'object' ? 'n' : ''} ${v.kind}`;
}

const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'];

const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

export function parsePolicy(text: string): Result<PolicyDocument> {
  const tooLong = overLimit(text, MAX_POLICY_CHARS, 'The policy is');
  if (tooLong) return tooLong;
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  return refusedAt(text, () => readDocument(text, parsed.value));
}

/**
 * The first object below the root that has a "Statement", breadth first, a few levels deep: the
 * document inside `aws iam get-policy-version` output, a CloudFormation resource or a Terraform plan.
 */
function nestedPolicy(root: JsonObject): { path: string; value: JsonObject } | undefined {
  let level: { path: string; value: JsonValue }[] = [{ path: '', value: root }];
  for (let depth = 0; depth < 8 && level.length; depth++) {
    const next: typeof level = [];
    for (const { path, value } of level) {
      if (value.kind === 'object') {
        if (depth > 0 && entry(value, 'Statement')) return { path, value };
        for (const e of value.entries)
          next.push({
            path:
              path +
              (/^[A-Za-z_$][\w$]*$/.test(e.key)
                ? `${path ? '.' : ''}${e.key}`
                : `[${quote(e.key)}]`),
            value: e.value,
          });
      } else if (value.kind === 'array')
        value.items.forEach((item, i) => next.push({ path: `${path}[${i}]`, value: item }));
    }
    level = next.slice(0, 10_000);
  }
  return undefined;
}

function readDocument(text: string, root: JsonValue): PolicyDocument {
  if (root.kind !== 'object')
    throw new Refusal(
      root.start,
      `A policy is a JSON object with a "Statement"; this is ${typeName(root)}`,
    );
  const statementValue = entry(root, 'Statement');
  if (!statementValue) {
    const hint = root.entries.find((e) => e.key.toLowerCase() === 'statement');
    if (hint)
      throw new Refusal(
        hint.keyStart,
        `${quote(hint.key)} must be spelled "Statement" (IAM keys are case-sensitive)`,
      );
    const inner = nestedPolicy(root);
    const where = inner
      ? `only the policy document that starts here (${inner.path})`
      : 'the PolicyDocument of one policy';
    if (entry(root, 'Resources') || entry(root, 'AWSTemplateFormatVersion'))
      throw new Refusal(
        inner?.value.start ?? root.start,
        `This looks like a CloudFormation template, not a policy: paste ${where}`,
      );
    if (inner)
      throw new Refusal(inner.value.start, `This is not a policy but holds one: paste ${where}`);
    if (entry(root, 'Effect'))
      throw new Refusal(
        root.start,
        'This looks like a single statement: wrap it as {"Version": "2012-10-17", "Statement": [ ... ]}',
      );
    throw new Refusal(root.start, 'The policy has no "Statement"');
  }
  let items: JsonValue[];
  if (statementValue.kind === 'array') items = statementValue.items;
  else if (statementValue.kind === 'object') items = [statementValue];
  else
    throw new Refusal(
      statementValue.start,
      `"Statement" must be an object or a list of objects, not ${typeName(statementValue)}`,
    );
  if (items.length === 0)
    throw new Refusal(
      statementValue.start,
      '"Statement" is empty: the policy grants nothing (IAM rejects it)',
    );
  if (items.length > MAX_STATEMENTS)
    throw new Refusal(
      items[MAX_STATEMENTS].start,
      `The policy has ${figure(items.length)} statements; the limit is ${figure(MAX_STATEMENTS)}`,
    );
  const lines = new LineMap(text);
  const notes: GrammarNote[] = [];
  for (const e of root.entries)
    if (!DOCUMENT_KEYS.includes(e.key))
      notes.push({
        code: 'unknown-key',
        message: `${quote(e.key)} is not a policy key (${DOCUMENT_KEYS.join(', ')}); kept as written, but IAM rejects it`,
        ...lines.position(e.keyStart),
      });
  let entries = 0;
  const statements = items.map((item, index) => {
    const s = readStatement(item, index, lines, notes);
    entries += s.patterns.length;
    if (entries > MAX_ACTION_ENTRIES)
      throw new Refusal(
        s.patterns[s.patterns.length - (entries - MAX_ACTION_ENTRIES)].start,
        `The policy has more than ${figure(MAX_ACTION_ENTRIES)} entries in its Action and NotAction lists; that is the limit`,
      );
    return s;
  });
  return { text, root, statementIsList: statementValue.kind === 'array', statements, notes };
}

function readStatement(
  node: JsonValue,
  index: number,
  lines: LineMap,
  notes: GrammarNote[],
): Statement {
  if (node.kind !== 'object')
    throw new Refusal(
      node.start,
      `Statement ${index + 1} must be an object, not ${typeName(node)}`,
    );
  const where = `Statement ${index + 1}`;
  for (const e of node.entries) {
    if (!STATEMENT_KEYS.includes(e.key)) {
      const fix = STATEMENT_KEYS.find((k) => k.toLowerCase() === e.key.toLowerCase());
      if (fix)
        throw new Refusal(
          e.keyStart,
          `${where}: ${quote(e.key)} must be spelled "${fix}" (IAM keys are case-sensitive)`,
        );
      notes.push({
        code: 'unknown-key',
        message: `${where}: ${quote(e.key)} is not a statement key; kept as written, but IAM rejects it`,
        statement: index,
        ...lines.position(e.keyStart),
      });
    }
  }
  const effect = entry(node, 'Effect');
  if (!effect)
    throw new Refusal(
      node.start,
      `${where} has no "Effect": add "Effect": "Allow" or "Effect": "Deny"`,
    );
  if (effect.kind !== 'string' || (effect.value !== 'Allow' && effect.value !== 'Deny'))
    throw new Refusal(
      effect.start,
      `${where}: "Effect" must be "Allow" or "Deny", not ${effect.kind === 'string' ? quote(effect.value) : typeName(effect)}`,
    );
  const action = entry(node, 'Action');
  const notAction = entry(node, 'NotAction');
  if (action && notAction)
    throw new Refusal(
      node.start,
      `${where} has both "Action" and "NotAction"; IAM allows only one`,
    );
  const list = action ?? notAction;
  if (!list) throw new Refusal(node.start, `${where} has neither "Action" nor "NotAction"`);
  const key = action ? 'Action' : 'NotAction';
  const values: JsonValue[] = list.kind === 'array' ? list.items : [list];
  if (list.kind !== 'array' && list.kind !== 'string')
    throw new Refusal(
      list.start,
      `${where}: "${key}" must be a string or a list of strings, not ${typeName(list)}`,
    );
  if (list.kind === 'array' && list.items.length === 0)
    throw new Refusal(list.start, `${where}: "${key}" is an empty list`);
  const patterns = values.map((v) => {
    if (v.kind !== 'string')
      throw new Refusal(
        v.start,
        `${where}: every entry of "${key}" must be a string, not ${typeName(v)}`,
      );
    const at = lines.position(v.start);
    return {
      pattern: parsePattern(v.value),
      start: v.start,
      end: v.end,
      line: at.line,
      column: at.column,
    };
  });
  const sid = entry(node, 'Sid');
  if (sid && (sid.kind !== 'string' || !/^[A-Za-z0-9]*$/.test(sid.value)))
    notes.push({
      code: 'invalid-sid',
      message: `${where}: "Sid" ${sid.kind === 'string' ? `${quote(sid.value)} holds characters other than A-Z, a-z and 0-9` : `is ${typeName(sid)}, not a string`}; kept as written, but IAM rejects it`,
      statement: index,
      ...lines.position(sid.start),
    });
  const at = lines.position(node.start);
  return {
    index,
    node,
    effect: effect.value,
    sid: sid?.kind === 'string' ? sid.value : undefined,
    actionKey: key,
    actionIsList: list.kind === 'array',
    patterns,
    line: at.line,
    column: at.column,
  };
}

export type { JsonArray, SourceError };
