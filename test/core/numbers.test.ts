import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { figure } from '../../src/core/numbers';

describe('figure', () => {
  test('writes counts as en-US does, without loading the locale data', () => {
    expect(figure(0)).toBe('0');
    expect(figure(999)).toBe('999');
    expect(figure(1000)).toBe('1,000');
    expect(figure(22091)).toBe('22,091');
    expect(figure(-1234567)).toBe('-1,234,567');
  });

  test('agrees with toLocaleString on every integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(figure(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
  });
});
