// `aws iam get-account-authorization-details` output, one file or several pages, read into the
// principals (roles and users) and, for each, every policy that grants it something: its inline
// policies, its managed policies, and for a user those of its groups.
import { parseJson, quote, type JsonValue } from '../core';
import {
  documentText,
  FileLines,
  type DocumentError,
  type DocumentOrigin,
  type SourceFile,
} from './documents';
import { field, isObject, listField, stringField } from './fields';
import { describeJson, describeText } from './shape';

export type PrincipalKind = 'role' | 'user';
export type PolicyKind = 'inline' | 'customer-managed' | 'aws-managed';

export interface AttachedPolicy {
  kind: PolicyKind;
  name: string;
  /** Managed policies only. */
  arn: string | null;
  /** The group it comes through, for a user. */
  group: string | null;
  /** The document's text, or null when it could not be read (see `error`). */
  text: string | null;
  origin: DocumentOrigin | null;
  error: DocumentError | null;
  /**
   * How many principals it reaches (in the file, or IAM's AttachmentCount when larger): a policy
   * reaching several cannot be rewritten for one of them in place.
   */
  sharedWith: number;
}

export interface Principal {
  kind: PrincipalKind;
  name: string;
  arn: string;
  /** AWS creates and edits service-linked roles' policies: a recommendation for one cannot be applied. */
  serviceLinked: boolean;
  policies: AttachedPolicy[];
}

/** Something the file says that the user should know, with where it is. */
export interface AccountNote {
  message: string;
  input: string;
  line: number;
  column: number;
}

export interface Account {
  /** From the principals' ARNs. */
  accountId: string | null;
  principals: Principal[];
  notes: AccountNote[];
  pages: number;
  groups: number;
  managedPolicies: number;
}

export interface AccountError {
  message: string;
  input: string;
  line: number;
  column: number;
}

const LISTS = ['RoleDetailList', 'UserDetailList', 'GroupDetailList', 'Policies'];

export function isAwsManaged(arn: string): boolean {
  return /^arn:[a-z-]+:iam::aws:policy\//.test(arn);
}

interface ManagedEntry {
  name: string;
  arn: string;
  attachmentCount: number;
  text: ReturnType<typeof documentText>;
}

interface GroupEntry {
  name: string;
  inline: { name: string; text: ReturnType<typeof documentText> }[];
  attached: { name: string; arn: string; at: AccountNote }[];
}

interface Page {
  file: SourceFile;
  root: JsonValue;
}

/** Reads one or several pages; a file that is not authorization details is an error value. */
export function readAccount(
  files: readonly SourceFile[],
): { ok: true; value: Account } | { ok: false; error: AccountError } {
  const lines = new FileLines(files);
  const pages: Page[] = [];
  for (const file of files) {
    const page = readPage(file);
    if (!page.ok) return page;
    pages.push({ file, root: page.value });
  }
  const notes: AccountNote[] = [];
  const note = (file: SourceFile, v: JsonValue, message: string) =>
    notes.push({ message, input: file.name, ...lines.position(file.name, v.start) });

  const managed = new Map<string, ManagedEntry>();
  const groups = new Map<string, GroupEntry>();
  for (const { file, root } of pages) {
    for (const p of listField(root, 'Policies')) {
      const arn = stringField(p, 'Arn');
      if (!arn) continue;
      const versions = listField(p, 'PolicyVersionList');
      const defaultId = stringField(p, 'DefaultVersionId');
      const version =
        versions.find((v) => field(v, 'IsDefaultVersion')?.kind === 'true') ??
        versions.find((v) => stringField(v, 'VersionId') === defaultId);
      const count = field(p, 'AttachmentCount');
      managed.set(arn, {
        name: stringField(p, 'PolicyName') ?? arn.slice(arn.lastIndexOf('/') + 1),
        arn,
        attachmentCount: count?.kind === 'number' ? Number(count.raw) : 0,
        text: version
          ? documentText(field(version, 'Document'), file, lines, version)
          : {
              ok: false,
              error: {
                message: `The managed policy ${quote(arn)} has no default version in "PolicyVersionList"`,
                input: file.name,
                within: 'file',
                ...lines.position(file.name, p.start),
              },
            },
      });
    }
    for (const g of listField(root, 'GroupDetailList')) {
      const name = stringField(g, 'GroupName');
      if (!name) continue;
      groups.set(name, {
        name,
        inline: listField(g, 'GroupPolicyList').map((ip) => ({
          name: stringField(ip, 'PolicyName') ?? '(no name)',
          text: documentText(field(ip, 'PolicyDocument'), file, lines, ip),
        })),
        attached: listField(g, 'AttachedManagedPolicies').flatMap((a) => {
          const arn = stringField(a, 'PolicyArn');
          return arn
            ? [
                {
                  name: stringField(a, 'PolicyName') ?? arn,
                  arn,
                  at: { message: '', input: file.name, ...lines.position(file.name, a.start) },
                },
              ]
            : [];
        }),
      });
    }
  }

  const principals: Principal[] = [];
  const seen = new Set<string>();
  for (const { file, root } of pages) {
    for (const kind of ['role', 'user'] as const) {
      const list = listField(root, kind === 'role' ? 'RoleDetailList' : 'UserDetailList');
      for (const item of list) {
        const arn = stringField(item, 'Arn');
        const name = stringField(item, kind === 'role' ? 'RoleName' : 'UserName');
        if (!arn || !name) {
          note(file, item, `A ${kind} without "Arn" or a name was skipped`);
          continue;
        }
        if (seen.has(arn)) {
          note(file, item, `${quote(arn)} is listed twice; the first one is used`);
          continue;
        }
        seen.add(arn);
        const policies: AttachedPolicy[] = [];
        const inlineKey = kind === 'role' ? 'RolePolicyList' : 'UserPolicyList';
        for (const ip of listField(item, inlineKey))
          policies.push(
            inline(
              stringField(ip, 'PolicyName') ?? '(no name)',
              null,
              documentText(field(ip, 'PolicyDocument'), file, lines, ip),
            ),
          );
        for (const a of listField(item, 'AttachedManagedPolicies')) {
          const policyArn = stringField(a, 'PolicyArn');
          if (policyArn)
            policies.push(
              attached(policyArn, stringField(a, 'PolicyName') ?? policyArn, null, {
                message: '',
                input: file.name,
                ...lines.position(file.name, a.start),
              }),
            );
        }
        for (const g of listField(item, 'GroupList')) {
          if (g.kind !== 'string') continue;
          const group = groups.get(g.value);
          if (!group) {
            note(
              file,
              g,
              `The group ${quote(g.value)} of ${quote(name)} is not in the file: its policies are not refined`,
            );
            continue;
          }
          for (const ip of group.inline) policies.push(inline(ip.name, group.name, ip.text));
          for (const a of group.attached) policies.push(attached(a.arn, a.name, group.name, a.at));
        }
        principals.push({
          kind,
          name,
          arn,
          serviceLinked:
            kind === 'role' && (stringField(item, 'Path') ?? '').startsWith('/aws-service-role/'),
          policies,
        });
      }
    }
  }

  function inline(
    name: string,
    group: string | null,
    text: ReturnType<typeof documentText>,
  ): AttachedPolicy {
    return {
      kind: 'inline',
      name,
      arn: null,
      group,
      text: text.ok ? text.text : null,
      origin: text.ok ? text.origin : null,
      error: text.ok ? null : text.error,
      sharedWith: 1,
    };
  }

  function attached(
    arn: string,
    name: string,
    group: string | null,
    at: AccountNote,
  ): AttachedPolicy {
    const entry = managed.get(arn);
    const error: DocumentError | null = entry
      ? entry.text.ok
        ? null
        : entry.text.error
      : {
          message: `The managed policy ${quote(arn)} is not in the file's "Policies" (was it filtered out?): it is not refined`,
          input: at.input,
          line: at.line,
          column: at.column,
          within: 'file',
        };
    return {
      kind: isAwsManaged(arn) ? 'aws-managed' : 'customer-managed',
      name: entry?.name ?? name,
      arn,
      group,
      text: entry?.text.ok ? entry.text.text : null,
      origin: entry?.text.ok ? entry.text.origin : null,
      error,
      sharedWith: entry?.attachmentCount ?? 0,
    };
  }

  // How many principals each managed policy (and each group's inline policy) reaches in this file.
  const reach = new Map<string, number>();
  const keyOf = (p: AttachedPolicy) => p.arn ?? `group:${p.group}:${p.name}`;
  for (const pr of principals)
    for (const p of pr.policies)
      if (p.arn || p.group) reach.set(keyOf(p), (reach.get(keyOf(p)) ?? 0) + 1);
  for (const pr of principals)
    for (const p of pr.policies)
      if (p.arn || p.group) p.sharedWith = Math.max(p.sharedWith, reach.get(keyOf(p)) ?? 1);

  const last = pages[pages.length - 1];
  const truncated = field(last.root, 'IsTruncated');
  if (truncated?.kind === 'true')
    note(
      last.file,
      truncated,
      'The last page says "IsTruncated": true: the account has more pages (pass them all, or run the AWS CLI without --max-items)',
    );
  const accountId =
    principals.map((p) => /^arn:[a-z-]+:iam::(\d{12}):/.exec(p.arn)?.[1]).find((id) => id) ?? null;
  return {
    ok: true,
    value: {
      accountId,
      principals,
      notes,
      pages: pages.length,
      groups: groups.size,
      managedPolicies: managed.size,
    },
  };
}

function readPage(
  file: SourceFile,
): { ok: true; value: JsonValue } | { ok: false; error: AccountError } {
  const fail = (message: string, line = 1, column = 1) => ({
    ok: false as const,
    error: { message, input: file.name, line, column },
  });
  const first = file.text.search(/\S/);
  if (first < 0)
    return fail('The file is empty: expected aws iam get-account-authorization-details output');
  const other = describeText(file.text);
  if (other) return fail(`This is ${other}, not JSON`);
  const parsed = parseJson(file.text);
  if (!parsed.ok)
    return fail(
      `${parsed.error.message}. Expected aws iam get-account-authorization-details output (JSON)`,
      parsed.error.line,
      parsed.error.column,
    );
  const root = parsed.value;
  if (!isObject(root) || !LISTS.some((k) => field(root, k)?.kind === 'array')) {
    const lines = new FileLines([file]);
    const at = lines.position(file.name, root.start);
    return fail(
      `This is ${describeJson(root)}, not aws iam get-account-authorization-details output: it has none of ${LISTS.map((k) => `"${k}"`).join(', ')}`,
      at.line,
      at.column,
    );
  }
  return { ok: true, value: root };
}
