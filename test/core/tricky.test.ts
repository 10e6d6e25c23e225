// Every tricky case of docs/refinement.md, and the rules around them.
import { describe, expect, it } from 'vitest';
import { globMatches, matchList, parsePattern, buildUniverse } from '../../src/core';
import {
  actionsOf,
  allow,
  expandedActionsOf,
  catalog,
  recommended,
  refineText,
  serviceNames,
} from './support';

const short = (service: string, actions?: string[]) =>
  JSON.stringify([{ serviceNamespace: service, ...(actions ? { actions } : {}) }]);

describe('tricky cases of docs/refinement.md', () => {
  it('s3:GetObject* with s3:GetObjectAcl unused keeps s3:GetObject exact and writes its siblings', () => {
    const rec = refineText(allow(['s3:GetObject*']), short('s3', ['GetObjectAcl']));
    const actions = actionsOf(rec) as string[];
    expect(actions).toContain('s3:GetObject');
    expect(actions).not.toContain('s3:GetObject*');
    expect(actions).not.toContain('s3:GetObjectAcl');
    expect(actions).toContain('s3:GetObjectVersion*');
    expect(actions).toContain('s3:GetObjectAttributes');
    const universe = buildUniverse(catalog, []);
    for (const a of actions) {
      const hits = matchList(universe, parsePattern(a)).map((g) => universe.actionName(g));
      expect(hits).not.toContain('s3:GetObjectAcl');
    }
  });

  it('sqs:?etQueueAttributes with sqs:SetQueueAttributes unused gives sqs:GetQueueAttributes', () => {
    const rec = refineText(allow(['sqs:?etQueueAttributes']), short('sqs', ['SetQueueAttributes']));
    expect(actionsOf(rec)).toEqual(['sqs:GetQueueAttributes']);
  });

  it('s3:*Object* takes its frontier inside the set it matched', () => {
    const rec = refineText(allow(['s3:*Object*']), short('s3', ['GetObjectAcl', 'PutObjectAcl']));
    const actions = actionsOf(rec) as string[];
    const universe = buildUniverse(catalog, []);
    const matchedByOriginal = new Set(matchList(universe, parsePattern('s3:*Object*')));
    for (const a of actions) {
      for (const g of matchList(universe, parsePattern(a)))
        expect(matchedByOriginal.has(g)).toBe(true);
    }
    expect(actions).toContain('s3:GetObject');
    expect(actions).toContain('s3:PutObject');
    expect(actions).not.toContain('s3:GetObjectAcl');
    expect(actions.some((a) => a.startsWith('s3:DeleteObject'))).toBe(true);
  });

  it('S3:GETOBJECT in the policy and s3:getobject in the findings are the same action', () => {
    const rec = refineText(allow(['S3:GETOBJECT', 's3:PutObject']), 's3:getobject');
    expect(actionsOf(rec)).toEqual(['s3:PutObject']);
    expect(rec.decisions[0].outcome).toBe('dropped');
  });

  it('vpc-lattice:AssociateViaAWSService is a prefix of AssociateViaAWSService-EventsAndStates', () => {
    expect(serviceNames('vpc-lattice')).toContain('AssociateViaAWSService-EventsAndStates');
    const one = refineText(
      allow(['vpc-lattice:AssociateVia*']),
      'vpc-lattice:AssociateViaAWSService',
    );
    expect(actionsOf(one)).toEqual(['vpc-lattice:AssociateViaAWSService-EventsAndStates']);
    const other = refineText(
      allow(['vpc-lattice:AssociateVia*']),
      'vpc-lattice:AssociateViaAWSService-EventsAndStates',
    );
    expect(actionsOf(other)).toEqual(['vpc-lattice:AssociateViaAWSService']);
  });

  it('foo:Bar, an unknown service wildcard and an action newer than the catalog are kept, with a warning', () => {
    const rec = refineText(
      allow(['foo:Bar', 'nosuchservice:*', 's3:GetObjectFromTheFuture', 's3:GetObject']),
      's3:GetObject',
    );
    expect(actionsOf(rec)).toEqual(['foo:Bar', 'nosuchservice:*', 's3:GetObjectFromTheFuture']);
    const unknown = rec.warnings.filter((w) => w.code === 'unknown-action').map((w) => w.message);
    expect(unknown).toHaveLength(3);
    expect(unknown.join('\n')).toContain('foo:Bar');
    expect(unknown.join('\n')).toContain('nosuchservice:*');
    expect(unknown.join('\n')).toContain('s3:GetObjectFromTheFuture');
  });

  it('an action newer than the catalog reported unused is removed', () => {
    const rec = refineText(
      allow(['s3:GetObjectFromTheFuture', 's3:GetObject']),
      's3:GetObjectFromTheFuture',
    );
    expect(actionsOf(rec)).toEqual(['s3:GetObject']);
    expect(rec.warnings.map((w) => w.code)).toContain('newer-than-catalog');
  });

  it('an unknown action under a wildcard is part of the universe', () => {
    // s3:GetObjectFromTheFuture is named by the findings, so s3:GetObject* must now avoid it.
    const rec = refineText(allow(['s3:GetObject*']), 's3:GetObjectFromTheFuture');
    const actions = actionsOf(rec) as string[];
    expect(actions).not.toContain('s3:GetObject*');
    expect(actions).toContain('s3:GetObject');
  });

  it('the same action in two Allow statements is removed from both; statements are never merged', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::a/*' },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:DeleteObject'],
          Resource: 'arn:aws:s3:::b/*',
        },
      ],
    };
    const rec = refineText(policy, 's3:GetObject');
    expect(recommended(rec)?.Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::a/*' },
      { Effect: 'Allow', Action: ['s3:DeleteObject'], Resource: 'arn:aws:s3:::b/*' },
    ]);
  });

  it('a wildcard in the service part is matched like any other pattern, never dropped', () => {
    const rec = refineText(allow(['s3*:Get*']), 's3:GetObject');
    const actions = actionsOf(rec) as string[];
    expect(actions).toContain('s3:GetObjectAcl');
    expect(actions).not.toContain('s3:GetObject');
    expect(actions.some((a) => a.startsWith('s3express:'))).toBe(true);
    const kept = refineText(allow(['s3*:Get*']), 'ec2:RunInstances');
    expect(actionsOf(kept)).toEqual(['s3*:Get*']);
    const all = refineText(allow('*:*'), 'ec2:RunInstances');
    const list = expandedActionsOf(all) as string[];
    expect(list).toContain('s3:*');
    expect(list).not.toContain('ec2:*');
    expect(list).not.toContain('ec2:RunInstances');
  });

  it('a service wholly allowed under "*" is written svc:*', () => {
    const rec = refineText(allow('*'), short('ec2', ['RunInstances']));
    const actions = expandedActionsOf(rec) as string[];
    expect(actions).toContain('s3:*');
    expect(actions).toContain('iam:*');
    expect(actions).toContain('ec2:RunScheduledInstances');
    expect(actions.filter((a) => a.startsWith('ec2:Run'))).toEqual(['ec2:RunScheduledInstances']);
  });
});

describe('rules of docs/refinement.md', () => {
  it('Deny statements stay unchanged, byte for byte in the model', () => {
    const deny = {
      Sid: 'NoDelete',
      Effect: 'Deny',
      Action: ['s3:Delete*', 's3:GetObject'],
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };
    const policy = {
      Version: '2012-10-17',
      Statement: [deny, { Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    };
    const rec = refineText(policy, 's3:GetObject');
    expect(recommended(rec)?.Statement[0]).toEqual(deny);
    expect(rec.statements[0].outcome).toBe('unchanged');
  });

  it('a NotAction statement gets the unused actions it allows added, compressed', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }],
    };
    const unused = JSON.stringify([
      { serviceNamespace: 'sqs' },
      {
        serviceNamespace: 's3',
        actions: serviceNames('s3').filter((n) => n.startsWith('GetBucket')),
      },
      { serviceNamespace: 'iam', actions: ['CreateUser'] },
      { serviceNamespace: 'ec2', actions: ['RunInstances'] },
    ]);
    const rec = refineText(policy, unused);
    const list = recommended(rec)?.Statement[0].NotAction as string[];
    expect(list[0]).toBe('iam:*');
    expect(list).toContain('sqs:*');
    expect(list).toContain('s3:GetBucket*');
    expect(list).toContain('ec2:RunInstances');
    expect(list.some((a) => a.startsWith('iam:'))).toBe(true);
    expect(list).toHaveLength(4);
    expect(rec.statements[0].outcome).toBe('extended');
  });

  it('Resource, Condition, Sid and unknown keys keep their order; the user spelling of kept patterns stays', () => {
    const text = `{"Statement": {"Sid": "A", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}, "Action": ["S3:getobject", "s3:Put*"], "Effect": "Allow", "Resource": ["arn:aws:s3:::x/*"], "X-Note": 1.50}, "Version": "2012-10-17"}`;
    const rec = refineText(text, 's3:PutObjectAcl');
    const doc = JSON.parse(rec.text as string);
    expect(Object.keys(doc)).toEqual(['Statement', 'Version']);
    expect(Object.keys(doc.Statement)).toEqual([
      'Sid',
      'Condition',
      'Action',
      'Effect',
      'Resource',
      'X-Note',
    ]);
    expect(doc.Statement.Action[0]).toBe('S3:getobject');
    expect(rec.text).toContain('1.50');
  });

  it('a single-string Action stays a string when one entry is left', () => {
    const rec = refineText(allow('sqs:?etQueueAttributes'), 'sqs:SetQueueAttributes');
    expect(actionsOf(rec)).toBe('sqs:GetQueueAttributes');
  });

  it('exact duplicates inside one list are removed', () => {
    const rec = refineText(
      allow(['s3:GetObject*', 's3:GetObjectVersion*', 's3:GetObject*']),
      's3:GetObjectAcl',
    );
    const actions = actionsOf(rec) as string[];
    expect(new Set(actions).size).toBe(actions.length);
    expect(rec.warnings.some((w) => w.code === 'redundant')).toBe(true);
  });

  it('an emptied statement is removed; when nothing is left the policy is detached', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Allow', Action: ['s3:PutObject'], Resource: '*' },
      ],
    };
    const one = refineText(policy, 's3:GetObject');
    expect(recommended(one)?.Statement).toHaveLength(1);
    expect(one.statements[0].outcome).toBe('removed');
    const both = refineText(policy, 's3:GetObject\ns3:PutObject');
    expect(both.recommendedAction).toBe('DETACH_POLICY');
    expect(both.text).toBeNull();
  });

  it('a policy whose Allows are all gone but that holds a Deny keeps the Deny alone', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
      ],
    };
    const rec = refineText(policy, 's3:GetObject');
    expect(rec.recommendedAction).toBe('CREATE_POLICY');
    expect(recommended(rec)?.Statement).toEqual([
      { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
    ]);
  });

  it('a whole unused service removes every pattern of it', () => {
    const rec = refineText(
      allow(['dynamodb:*', 'dynamodb:GetItem', 's3:GetObject']),
      short('dynamodb'),
    );
    expect(actionsOf(rec)).toEqual(['s3:GetObject']);
  });

  it('"*" offers the NotAction form, and proposes it when the expansion is over the quota', () => {
    const keys = [...catalog.services.keys()];
    const allBut = (kept: string[]) =>
      JSON.stringify(keys.filter((k) => !kept.includes(k)).map((k) => ({ serviceNamespace: k })));
    // Nearly everything unused: listing the 453 unused services would be the longer form.
    const small = refineText(allow('*'), allBut(['s3', 'sqs', 'iam']));
    expect(actionsOf(small)).toEqual(['iam:*', 's3:*', 'sqs:*']);
    expect(small.notActionForm).toBeNull();
    expect(small.warnings.map((w) => w.code)).not.toContain('not-action-form');
    // Little unused and room under the limit: offered, not chosen, and its size is the printed one.
    const roomy = refineText(allow('*'), 's3:GetObject\nsqs:SendMessage', { sizeLimit: 10 ** 6 });
    expect(roomy.notActionForm?.chosen).toBe(false);
    expect(JSON.parse(roomy.notActionForm?.text ?? '').Statement[0].NotAction).toEqual([
      's3:GetObject',
      'sqs:SendMessage',
    ]);
    expect(roomy.notActionForm?.size.chars).toBe(
      JSON.stringify(JSON.parse(roomy.notActionForm?.text ?? '')).length,
    );
    expect(roomy.size?.chars).toBe(JSON.stringify(JSON.parse(roomy.text ?? '')).length);
    expect(roomy.notActionForm?.size.chars).toBeLessThan(roomy.size?.chars ?? 0);
    expect(roomy.warnings.map((w) => w.code)).toContain('not-action-form');
    // One action of each of 100 services unused: listing their siblings would be far over 6,144.
    const firstOf = keys.slice(0, 100).map((k) => `${k}:${serviceNames(k)[0]}`);
    const big = refineText(allow('*'), firstOf.join('\n'));
    expect(big.notActionForm?.chosen).toBe(true);
    expect(big.expandedForm?.size.chars).toBeGreaterThan(6144);
    const statement = recommended(big)?.Statement[0] as Record<string, unknown>;
    expect(statement.Action).toBeUndefined();
    expect(new Set(statement.NotAction as string[])).toEqual(new Set(firstOf));
    expect(big.size?.chars).toBeLessThan(6144);
  });

  it('nothing written matches an action outside what stays allowed', () => {
    const rec = refineText(
      allow(['ec2:Describe*', 'ec2:*Instances']),
      'ec2:DescribeInstances\nec2:RunInstances',
    );
    for (const a of actionsOf(rec) as string[]) {
      expect(globMatches(a.toLowerCase(), 'ec2:describeinstances')).toBe(false);
      expect(globMatches(a.toLowerCase(), 'ec2:runinstances')).toBe(false);
    }
  });
});
