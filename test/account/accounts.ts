// Small accounts written for one test each, in the shapes the AWS CLI writes: authorization details
// with roles, their inline and attached policies and the managed policies' documents, and a
// GetFindingV2 finding per role.
import type { Catalog } from '../../src/core';

export const ACCOUNT = '111122223333';

export interface RoleSpec {
  name: string;
  /** Inline policies: name to document. */
  inline?: Record<string, unknown>;
  /** Attached managed policies by name (customer managed, in this account) or AWS managed ARN. */
  managed?: string[];
}

const arnOf = (name: string) =>
  name.startsWith('arn:') ? name : `arn:aws:iam::${ACCOUNT}:policy/${name}`;

export function authorizationDetails(
  roles: readonly RoleSpec[],
  documents: Record<string, unknown> = {},
): string {
  const policies = Object.entries(documents).map(([name, document]) => ({
    PolicyName: name.replace(/^arn:.*\//, ''),
    Arn: arnOf(name),
    DefaultVersionId: 'v1',
    AttachmentCount: roles.filter((r) => r.managed?.includes(name)).length,
    PolicyVersionList: [{ Document: document, VersionId: 'v1', IsDefaultVersion: true }],
  }));
  return JSON.stringify(
    {
      RoleDetailList: roles.map((r) => ({
        Path: '/',
        RoleName: r.name,
        Arn: `arn:aws:iam::${ACCOUNT}:role/${r.name}`,
        RolePolicyList: Object.entries(r.inline ?? {}).map(([name, doc]) => ({
          PolicyName: name,
          PolicyDocument: doc,
        })),
        AttachedManagedPolicies: (r.managed ?? []).map((name) => ({
          PolicyName: name.replace(/^arn:.*\//, ''),
          PolicyArn: arnOf(name),
        })),
      })),
      UserDetailList: [],
      GroupDetailList: [],
      Policies: policies,
    },
    null,
    2,
  );
}

/**
 * A GetFindingV2 finding of unused permissions for `resource`: its actions (`svc:Name`) grouped by
 * service, in the order given.
 */
export function unusedPermissionFinding(
  resource: string,
  actions: readonly string[],
  extra: { id?: string; date?: string } = {},
): Record<string, unknown> {
  const byService = new Map<string, string[]>();
  for (const a of actions) {
    const [svc, name] = a.split(':');
    const list = byService.get(svc);
    if (list) list.push(name);
    else byService.set(svc, [name]);
  }
  const { id, date } = extra;
  return {
    ...(date ? { analyzedAt: date, createdAt: date } : {}),
    ...(id ? { id } : {}),
    resource,
    resourceType: `AWS::IAM::${/:user\//.test(resource) ? 'User' : 'Role'}`,
    resourceOwnerAccount: /^arn:[^:]+:iam::(\d+):/.exec(resource)?.[1] ?? ACCOUNT,
    status: 'ACTIVE',
    ...(date ? { updatedAt: date } : {}),
    findingType: 'UnusedPermission',
    findingDetails: [...byService].map(([serviceNamespace, names]) => ({
      unusedPermissionDetails: {
        serviceNamespace,
        actions: names.map((action) => ({ action })),
        ...(date ? { lastAccessed: date } : {}),
      },
    })),
  };
}

/** One finding per role: `unused` maps a role name to its unused actions (`svc:Name`). */
export function findingsFor(unused: Record<string, string[]>): string {
  return JSON.stringify(
    Object.entries(unused).map(([role, actions]) =>
      unusedPermissionFinding(`arn:aws:iam::${ACCOUNT}:role/${role}`, actions),
    ),
    null,
    2,
  );
}

export function allowing(actions: string[], resource: unknown = '*'): unknown {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }],
  };
}

export const EC2_FULL_ACCESS = 'arn:aws:iam::aws:policy/AmazonEC2FullAccess';

/**
 * Every seventh ec2 action of the catalog, reported unused: `ec2:*` then becomes some 16,000
 * characters of entries, over the quota, and is split into three managed policies.
 */
export function everySeventhEc2Action(catalog: Catalog): string[] {
  return (catalog.services.get('ec2')?.names ?? [])
    .filter((_, i) => i % 7 === 0)
    .map((n) => `ec2:${n}`);
}

/**
 * The role `builder`, whose inline `ec2:*` (and, with `managed`, AmazonEC2FullAccess) needs a split,
 * with its findings; `more` adds roles to the account and to the findings.
 */
export function splitAccount(
  catalog: Catalog,
  options: { managed?: boolean; more?: { role: RoleSpec; unused: string[] }[] } = {},
): { account: string; findings: string } {
  const builder: RoleSpec = {
    name: 'builder',
    inline: { ec2: allowing(['ec2:*']) },
    managed: options.managed ? [EC2_FULL_ACCESS] : [],
  };
  const more = options.more ?? [];
  return {
    account: authorizationDetails(
      [builder, ...more.map((m) => m.role)],
      options.managed ? { [EC2_FULL_ACCESS]: allowing(['ec2:*', 'elasticloadbalancing:*']) } : {},
    ),
    findings: findingsFor({
      builder: everySeventhEc2Action(catalog),
      ...Object.fromEntries(more.map((m) => [m.role.name, m.unused])),
    }),
  };
}
