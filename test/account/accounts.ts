// Small accounts written for one test each, in the shapes the AWS CLI writes: authorization details
// with roles, their inline and attached policies and the managed policies' documents, and a
// GetFindingV2 finding per role.
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

/** One GetFindingV2 finding per role: `unused` maps a role name to its unused actions (`svc:Name`). */
export function findingsFor(unused: Record<string, string[]>): string {
  return JSON.stringify(
    Object.entries(unused).map(([role, actions]) => {
      const byService = new Map<string, string[]>();
      for (const a of actions) {
        const [svc, name] = a.split(':');
        byService.set(svc, [...(byService.get(svc) ?? []), name]);
      }
      return {
        resource: `arn:aws:iam::${ACCOUNT}:role/${role}`,
        resourceType: 'AWS::IAM::Role',
        resourceOwnerAccount: ACCOUNT,
        status: 'ACTIVE',
        findingType: 'UnusedPermission',
        findingDetails: [...byService].map(([serviceNamespace, names]) => ({
          unusedPermissionDetails: {
            serviceNamespace,
            actions: names.map((action) => ({ action })),
          },
        })),
      };
    }),
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
