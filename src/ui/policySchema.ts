// The IAM policy grammar's keys and fixed values, with what each means: what the policy editor
// offers as you type and shows on hover. Core checks the policy itself, and says where it is wrong.
import type { Place } from './jsonStructure';

export const POLICY_URI = 'inmemory://model/policy.json';
export const UNUSED_URI = 'inmemory://model/unused.json';
export const KEEP_URI = 'inmemory://model/keep.txt';

export interface GrammarWord {
  name: string;
  description: string;
}

const DOCUMENT_KEYS: GrammarWord[] = [
  { name: 'Version', description: 'The policy language version: "2012-10-17", the current one.' },
  { name: 'Id', description: 'An optional identifier of the policy.' },
  { name: 'Statement', description: 'The statements: one object, or a list of them.' },
];

const STATEMENT_KEYS: GrammarWord[] = [
  { name: 'Sid', description: 'An optional name of the statement, unique in the policy.' },
  { name: 'Effect', description: 'Allow or Deny: whether the statement grants or refuses.' },
  {
    name: 'Action',
    description: 'Actions the statement applies to: `service:Name`, with `*` and `?`.',
  },
  {
    name: 'NotAction',
    description: 'Every action except these: `service:Name`, with `*` and `?`.',
  },
  { name: 'Resource', description: 'The ARNs of the resources the statement applies to.' },
  { name: 'NotResource', description: 'Every resource except these ARNs.' },
  {
    name: 'Principal',
    description: 'Who the statement applies to (resource-based policies only).',
  },
  { name: 'NotPrincipal', description: 'Everyone except these principals.' },
  { name: 'Condition', description: 'When the statement applies: operator → key → values.' },
];

const VALUES: Record<string, GrammarWord[]> = {
  Version: [
    { name: '2012-10-17', description: 'The current policy language version.' },
    {
      name: '2008-10-17',
      description: 'An earlier version, without policy variables such as `${aws:username}`.',
    },
  ],
  Effect: [
    { name: 'Allow', description: 'The statement grants its actions on its resources.' },
    { name: 'Deny', description: 'The statement refuses them, whatever any Allow grants.' },
  ],
};

/** Where the place's object sits: the policy document itself, one of its statements, or neither. */
function level(path: string[]): 'document' | 'statement' | null {
  if (path.length === 0) return 'document';
  if (path.length === 1 && path[0] === 'Statement') return 'statement';
  return null;
}

/** The keys that may go at a key's place (those not already in its object), or the values at a value's place (none elsewhere). */
export function grammarWords(place: Place): GrammarWord[] {
  const at = level(place.path);
  if (place.role === 'key') {
    const keys = at === 'document' ? DOCUMENT_KEYS : at === 'statement' ? STATEMENT_KEYS : [];
    return keys.filter((k) => !place.siblings?.includes(k.name));
  }
  if (place.key === 'Version' && at === 'document') return VALUES.Version;
  if (place.key === 'Effect' && at === 'statement') return VALUES.Effect;
  return [];
}
