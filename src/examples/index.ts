// The examples menu's order: the worked example first, then one per rule it teaches.
import { everythingExample } from './everything';
import type { Example } from './example';
import { midStringExample } from './mid-string';
import { keepExample } from './keep';
import { notActionExample } from './not-action';
import { overQuotaExample } from './over-quota';
import { usedActionsExample } from './used-actions';
import { wholeServiceExample } from './whole-service';
import { workedExample } from './worked-example';

export type { Example } from './example';

export const examples: readonly Example[] = [
  workedExample,
  notActionExample,
  everythingExample,
  midStringExample,
  wholeServiceExample,
  usedActionsExample,
  keepExample,
  overQuotaExample,
];
