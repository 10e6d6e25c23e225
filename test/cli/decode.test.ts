// Input files are UTF-8: other encodings are named, and a byte that is not UTF-8 is refused where it
// is, never turned into U+FFFD.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeUtf8 } from '../../src/cli/decode';

const utf16 = (text: string, endian: 'le' | 'be', bom: boolean): Uint8Array => {
  const units = [...(bom ? '\ufeff' : ''), ...text].flatMap((c) => {
    const u = c.charCodeAt(0);
    return endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff];
  });
  return Uint8Array.from(units);
};

describe('decodeUtf8', () => {
  test('UTF-8, with or without a byte-order mark (kept: core skips it)', () => {
    expect(decodeUtf8(Buffer.from('{"a": "é 😀"}'))).toEqual({ ok: true, text: '{"a": "é 😀"}' });
    expect(decodeUtf8(Buffer.from('\ufeff{}'))).toEqual({ ok: true, text: '\ufeff{}' });
  });

  test.each([
    ['le', true, 'UTF-16 (little-endian, with a byte-order mark)'],
    ['le', false, 'UTF-16 (little-endian)'],
    ['be', true, 'UTF-16 (big-endian, with a byte-order mark)'],
    ['be', false, 'UTF-16 (big-endian)'],
  ] as const)('UTF-16 %s, byte-order mark %s: named', (endian, bom, name) => {
    const r = decodeUtf8(utf16('{\n  "Version": "2012-10-17"\n}', endian, bom));
    expect(r).toEqual({ ok: false, message: `the file is ${name}: save it as UTF-8` });
  });

  test('UTF-32 with a byte-order mark: named', () => {
    const r = decodeUtf8(Uint8Array.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]));
    expect(r.ok || r.message).toBe(
      'the file is UTF-32 (little-endian, with a byte-order mark): save it as UTF-8',
    );
  });

  test('a Latin-1 é in a Condition: refused at its line and column', () => {
    const bytes = Buffer.concat([
      Buffer.from('{\n  "Condition": {"StringEquals": {"aws:username": "Ren'),
      Buffer.from([0xe9]),
      Buffer.from('"}}\n}'),
    ]);
    expect(decodeUtf8(bytes)).toEqual({
      ok: false,
      message: 'byte 0xE9 is not UTF-8 (a Latin-1 or Windows-1252 file?): save it as UTF-8',
      line: 2,
      column: 54,
    });
  });

  test('any bytes: refused exactly when not UTF-8, at the first character the decoder would replace', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0x20, max: 0x7e }),
            fc.constant(10),
            fc.integer({ min: 0x80, max: 0xff }),
          ),
          {
            maxLength: 40,
          },
        ),
        (list) => {
          const bytes = Uint8Array.from(list);
          let strict: string | null;
          try {
            strict = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            strict = null;
          }
          const r = decodeUtf8(bytes);
          // Zero bytes in every other place read as UTF-16, whether or not they are valid UTF-8.
          if (!r.ok && r.line === undefined) {
            expect(r.message).toMatch(/^the file is UTF-(16|32) /);
            return;
          }
          if (strict !== null) {
            expect(r).toEqual({ ok: true, text: strict });
            return;
          }
          if (r.ok || r.line === undefined || r.column === undefined)
            throw new Error('expected a refusal at a position');
          const loose = new TextDecoder('utf-8').decode(bytes);
          const lines = loose.split('\n');
          const offset =
            lines.slice(0, r.line - 1).reduce((n, l) => n + l.length + 1, 0) + r.column - 1;
          expect(loose[offset]).toBe('\ufffd');
          expect(loose.slice(0, offset)).not.toContain('\ufffd');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
