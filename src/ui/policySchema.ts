// Enough of the IAM policy grammar for Monaco to flag shapes as you type; core checks the rest.
export const POLICY_URI = 'inmemory://model/policy.json';
export const UNUSED_URI = 'inmemory://model/unused.json';
export const KEEP_URI = 'inmemory://model/keep.txt';

const stringOrList = {
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
};

const statement = {
  type: 'object',
  properties: {
    Sid: { type: 'string' },
    Effect: { enum: ['Allow', 'Deny'], description: 'Allow or Deny' },
    Action: {
      ...stringOrList,
      description: 'Actions the statement applies to: svc:Name, with * and ?',
    },
    NotAction: { ...stringOrList, description: 'Every action except these' },
    Resource: stringOrList,
    NotResource: stringOrList,
    Principal: {},
    NotPrincipal: {},
    Condition: { type: 'object' },
  },
  required: ['Effect'],
};

export const policySchema = {
  type: 'object',
  properties: {
    Version: { enum: ['2012-10-17', '2008-10-17'] },
    Id: { type: 'string' },
    Statement: { anyOf: [statement, { type: 'array', items: statement }] },
  },
  required: ['Statement'],
};
