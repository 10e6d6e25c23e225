// The editors' reading of JSON being typed: bracket folds whatever the indentation, and what the
// cursor is on (a key or a value, under which keys), which the policy grammar's completion follows.
import { describe, expect, test } from 'vitest';
import { bracketFolds, placeAt } from '../../src/ui/jsonStructure';
import { grammarWords } from '../../src/ui/policySchema';

/** The place at the `|` in `text` (the bar removed). */
function at(text: string) {
  const offset = text.indexOf('|');
  return placeAt(text.slice(0, offset) + text.slice(offset + 1), offset);
}

const words = (text: string) => {
  const place = at(text);
  return place ? grammarWords(place).map((w) => w.name) : [];
};

describe('bracketFolds', () => {
  test('folds every bracket pair over lines, flush left as pasted, to the line before its close', () => {
    const policy = [
      '{',
      '"Version": "2012-10-17",',
      '"Statement": [',
      '{',
      '"Effect": "Allow",',
      '"Action": ["s3:GetObject",',
      '"s3:PutObject"]',
      '}',
      ']',
      '}',
    ].join('\n');
    expect(bracketFolds(policy)).toEqual([
      { start: 1, end: 9 },
      { start: 3, end: 8 },
      { start: 4, end: 7 },
    ]);
  });

  test('brackets inside strings, a pair on one or two lines, and an unmatched one fold nothing', () => {
    expect(bracketFolds('{"a": "{[",\n"b": "]}",\n"c": 1\n}')).toEqual([{ start: 1, end: 3 }]);
    expect(bracketFolds('{"a": [1, 2]}')).toEqual([]);
    expect(bracketFolds('{"a": [1,\n2]}')).toEqual([]);
    expect(bracketFolds('{"a": "unterminated {\n"b": 1\n]\n}')).toEqual([{ start: 1, end: 3 }]);
  });
});

describe('placeAt', () => {
  test('a key of the document, of a statement, of a statement in a list', () => {
    expect(at('{"Ver|')).toMatchObject({ role: 'key', path: [] });
    expect(at('{"Statement": {"Eff|": "Allow"}}')).toMatchObject({
      role: 'key',
      path: ['Statement'],
      literal: { before: 'Eff', closed: true },
    });
    expect(at('{"Statement": [{"Effect": "Allow"}, {|')).toMatchObject({
      role: 'key',
      path: ['Statement'],
    });
  });

  test('a value, and an item of a list, with the key it belongs to', () => {
    expect(at('{"Statement": [{"Effect": "Al|"}]}')).toMatchObject({
      role: 'value',
      path: ['Statement'],
      key: 'Effect',
      literal: { before: 'Al', closed: true },
    });
    expect(at('{"Statement": {"Action": ["s3:Get*", "s3:|')).toMatchObject({
      role: 'value',
      path: ['Statement'],
      key: 'Action',
      literal: { before: 's3:', closed: false },
    });
    expect(at('{"Version": |')).toMatchObject({ role: 'value', path: [], key: 'Version' });
  });

  test('nothing after a whole value, between a key and its colon, in a number, or outside', () => {
    expect(at('{"Effect": "Allow" |')).toBeNull();
    expect(at('{"Effect" |')).toBeNull();
    expect(at('{"n": 12|')).toBeNull();
    expect(at('|{}')).toBeNull();
  });

  test('an unterminated string ends with its line', () => {
    expect(at('{"Sid": "open\n|')).toMatchObject({ role: 'value', key: 'Sid' });
  });
});

describe('grammarWords', () => {
  test("the document's keys, a statement's keys, Version's and Effect's values", () => {
    expect(words('{"|')).toEqual(['Version', 'Id', 'Statement']);
    expect(words('{"Statement": [{"|')).toEqual([
      'Sid',
      'Effect',
      'Action',
      'NotAction',
      'Resource',
      'NotResource',
      'Principal',
      'NotPrincipal',
      'Condition',
    ]);
    expect(words('{"Version": "|"')).toEqual(['2012-10-17', '2008-10-17']);
    expect(words('{"Statement": {"Effect": "|"')).toEqual(['Allow', 'Deny']);
  });

  test('a key already in the object, before or after the cursor, is not offered again', () => {
    expect(
      words('{"Statement": {"Effect": "Allow", "|", "Action": "*", "Resource": "*"}}'),
    ).toEqual(['Sid', 'NotAction', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
    // The key being edited is still offered; the next statement's keys are not this one's.
    expect(words('{"Statement": [{"Eff|": "Allow"}, {"Sid": "x"}], "Version": "1"}')).toContain(
      'Effect',
    );
    expect(words('{"Statement": [{"|"}, {"Sid": "x"}]}')).toContain('Sid');
    expect(words('{"|", "Version": "2012-10-17", "Statement": {"Id": "nested"}}')).toEqual(['Id']);
  });

  test('nothing deeper, nor for values the grammar leaves free', () => {
    expect(words('{"Statement": {"Condition": {"|')).toEqual([]);
    expect(words('{"Statement": {"Action": "|"')).toEqual([]);
    expect(words('{"Effect": "|"')).toEqual([]);
  });
});
