// The keep list edited by a click: an action added or taken out in the list's own form, every other
// line as the user wrote it, and what a click does for each kind of action in the trie.
import { describe, expect, test } from 'vitest';
import {
  explainPattern,
  parseFindings,
  parseKeepList,
  parsePolicy,
  refineContext,
  type PatternTrie,
} from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';
import { withKept, withoutEntries } from '../../src/ui/keepList';
import { keepingOf, keptBy } from '../../src/ui/trie/keeping';
import { catalog } from '../core/support';

/** The list without the entries that name `action`, found as the trie finds them. */
function without(text: string, action: string): string {
  const list = parseKeepList(text);
  if (!list.ok) throw new Error(list.error.message);
  return withoutEntries(text, keptBy(list.value, action));
}

/** The actions a keep list keeps, as core reads it. */
function kept(text: string): string[] {
  const list = parseKeepList(text);
  if (!list.ok) throw new Error(list.error.message);
  return list.value.entries.map((e) => e.pattern.text);
}

describe('withKept', () => {
  test('one per line: a line at the end, the rest untouched', () => {
    expect(withKept('', 's3:GetObject')).toBe('s3:GetObject\n');
    expect(withKept('  \n', 's3:GetObject')).toBe('s3:GetObject\n');
    expect(withKept('# backups\nbackup:Start*', 's3:GetObject')).toBe(
      '# backups\nbackup:Start*\ns3:GetObject\n',
    );
    expect(withKept('backup:Start*\n', 's3:GetObject')).toBe('backup:Start*\ns3:GetObject\n');
  });

  test('a JSON list stays one, in its own layout', () => {
    expect(withKept('[]', 's3:GetObject')).toBe('["s3:GetObject"]');
    expect(withKept('["a:B"]\n', 's3:GetObject')).toBe('["a:B", "s3:GetObject"]\n');
    expect(withKept('[\n  "a:B",\n  "c:D"\n]\n', 's3:GetObject')).toBe(
      '[\n  "a:B",\n  "c:D",\n  "s3:GetObject"\n]\n',
    );
    expect(kept(withKept('[\n  "a:B"\n]', 's3:GetObject'))).toEqual(['a:B', 's3:GetObject']);
  });
});

describe('withoutEntries', () => {
  test('one per line: the line goes, with a comment on it, and nothing else', () => {
    const text = '# yearly jobs\ns3:GetObject # restore\nglacier:InitiateJob\n';
    expect(without(text, 's3:GetObject')).toBe('# yearly jobs\nglacier:InitiateJob\n');
    expect(without(text, 'glacier:InitiateJob')).toBe('# yearly jobs\ns3:GetObject # restore\n');
    expect(without('s3:GetObject', 'S3:GETOBJECT')).toBe('');
  });

  test('several on one line: only the entry and its comma', () => {
    expect(without('a:B, s3:GetObject, c:D\n', 's3:GetObject')).toBe('a:B, c:D\n');
    expect(without('s3:GetObject, c:D\n', 's3:GetObject')).toBe('c:D\n');
    expect(without('a:B, s3:GetObject\n', 's3:GetObject')).toBe('a:B\n');
  });

  test('every entry naming it goes, in a JSON list too, which stays valid', () => {
    const json = '[\n  "a:B",\n  "s3:GetObject",\n  "c:D",\n  "s3:getobject"\n]';
    const out = without(json, 's3:GetObject');
    expect(JSON.parse(out)).toEqual(['a:B', 'c:D']);
    expect(JSON.parse(without('["s3:GetObject"]', 's3:GetObject'))).toEqual([]);
    expect(JSON.parse(without('["a:B", "s3:GetObject"]', 's3:GetObject'))).toEqual(['a:B']);
  });
});

describe('what a click does in the trie', () => {
  const trieWith = (keep: string): PatternTrie => {
    const doc = parsePolicy(workedExample.policy);
    const findings = parseFindings(workedExample.unused);
    const list = parseKeepList(keep);
    if (!doc.ok || !findings.ok || !list.ok) throw new Error('inputs');
    const ctx = refineContext(doc.value, findings.value, catalog, { keep: list.value });
    const trie = explainPattern(ctx, 1, 0);
    if (!trie) throw new Error('no trie');
    return trie;
  };
  const at = (trie: PatternTrie, name: string) => trie.actions.name.indexOf(name);
  const click = (keep: string, name: string, mark?: 'kept') => {
    // The worker adds the actions marked kept to the keep list it refines with (worker/marks.ts).
    const trie = trieWith(mark ? `${keep}\n${name}` : keep);
    return keepingOf(trie, at(trie, name), { text: keep, list: parseKeepList(keep) }, mark);
  };

  test('an unused action is added to the list; one the list keeps is taken off it', () => {
    expect(click('', 's3:GetBucketAcl')).toEqual({ do: 'keep', text: 's3:GetBucketAcl\n' });
    expect(click('x:Y\ns3:GetBucketAcl\n', 's3:GetBucketAcl')).toEqual({
      do: 'unlist',
      text: 'x:Y\n',
      lines: [2],
    });
  });

  test('kept by a wildcard: the click says where, and changes nothing', () => {
    expect(click('s3:GetBucket*', 's3:GetBucketAcl')).toEqual({
      do: 'none',
      why: 'Kept by s3:GetBucket*, line 1 of the keep list: edit the list to let it go.',
    });
  });

  test('kept by a what-if mark alone: the click takes the mark away', () => {
    expect(click('', 's3:GetBucketAcl', 'kept')).toEqual({ do: 'unmark' });
  });

  test('an action that stays allowed anyway has nothing to keep; a broken list is said', () => {
    expect(click('', 's3:GetObject')).toBeNull();
    const trie = trieWith('');
    const broken = { text: '[', list: parseKeepList('[') };
    expect(keepingOf(trie, at(trie, 's3:GetBucketAcl'), broken, undefined)).toMatchObject({
      do: 'none',
      why: expect.stringContaining('keep list has an error'),
    });
  });
});
