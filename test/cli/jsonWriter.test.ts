// The JSON the CLI writes: what JSON.stringify(value, null, 2) writes, with core's printed documents
// embedded as they are, and keys from the user kept whatever they are.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Entries, Printed, writeJson, type OutValue } from '../../src/cli/jsonWriter';
import { parseJson, printJson } from '../../src/core';

function written(value: OutValue): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  writeJson(value, (t) => {
    text += t;
    pieces++;
  });
  return { text, pieces };
}

describe('writeJson', () => {
  test('writes plain values as JSON.stringify(value, null, 2) does, undefined members left out', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.constant(undefined),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(written(v as OutValue).text).toBe(JSON.stringify(v, null, 2) ?? 'null');
      }),
      { numRuns: 1000 },
    );
  });

  test('embeds a printed document at any depth with its numbers as written', () => {
    const doc = parseJson('{"n": [9007199254740993, 1e400, 1.50], "s": "a\\nb"}');
    if (!doc.ok) throw new Error(doc.error.message);
    const { text } = written({ policies: [{ doc: new Printed(printJson(doc.value)) }] });
    expect(text).toBe(
      [
        '{',
        '  "policies": [',
        '    {',
        '      "doc": {',
        '        "n": [',
        '          9007199254740993,',
        '          1e400,',
        '          1.50',
        '        ],',
        '        "s": "a\\nb"',
        '      }',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  test('keeps keys from the user: __proto__, the same name in two folders, order as given', () => {
    const { text } = written(
      new Entries([
        ['b/x.json', 1],
        ['__proto__', 2],
        ['a/x.json', null],
      ]),
    );
    expect(text).toBe('{\n  "b/x.json": 1,\n  "__proto__": 2,\n  "a/x.json": null\n}');
  });

  test('a large output goes out in pieces', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `entry ${i}`);
    const { text, pieces } = written({ big });
    expect(text).toBe(JSON.stringify({ big }, null, 2));
    expect(pieces).toBeGreaterThan(1);
  });
});
