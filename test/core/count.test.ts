// The counting of set actions, read four bytes at a time, against a plain sum.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { count } from '../../src/core/frontier';

describe('count', () => {
  test('equals the sum of the bytes in any range, at any byte offset of the buffer', () => {
    fc.assert(
      fc.property(
        // Dense, or mostly zeros with a few 1s (runs of zero words skipped by indexOf).
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 400, size: 'max' }),
          fc.array(
            fc.integer({ min: 0, max: 15 }).map((v) => (v === 0 ? 1 : 0)),
            { maxLength: 400, size: 'max' },
          ),
        ),
        fc.nat(7),
        fc.nat(),
        fc.nat(),
        (values, offset, a, b) => {
          const buffer = new Uint8Array(values.length + offset);
          buffer.set(values, offset);
          const bits = buffer.subarray(offset);
          const lo = values.length ? a % (values.length + 1) : 0;
          const hi = lo + (values.length ? b % (values.length - lo + 1) : 0);
          const plain = values.slice(lo, hi).reduce((s, v) => s + v, 0);
          expect(count(bits, lo, hi)).toBe(plain);
          expect(count(bits)).toBe(values.reduce((s, v) => s + v, 0));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
