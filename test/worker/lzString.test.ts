// The bounded lz-string decoder: the same text as lz-string for whatever lz-string's compressor wrote,
// a refusal (never a throw, never other text) for anything else, and an early stop on bombs.
import fc from 'fast-check';
import {
  compressToEncodedURIComponent as compress,
  decompressFromEncodedURIComponent as lzDecompress,
} from 'lz-string';
import { describe, expect, test } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { decompressFromEncodedURIComponent as decompress } from '../../src/worker/lzString';
import { bombLength, codesFor, lzBomb } from '../fixtures/lz-bomb';

const NO_LIMIT = Number.MAX_SAFE_INTEGER;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** Any UTF-16 code units, lone surrogates included; and text with repeats, as policies have. */
const anyText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 400,
});
const repetitive = fc
  .array(fc.constantFrom('s3:Get', 'Object', '"Action": [', '*', '\n  ', 'é', '\u{1F600}', 'x'), {
    maxLength: 600,
  })
  .map((words) => words.join(''));
// Short ones decode now and then (about 1 in 200), long ones almost never.
const encoded = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 200 }),
);

function lzOrThrow(input: string): string | null | 'throws' {
  try {
    return lzDecompress(input);
  } catch {
    return 'throws';
  }
}

describe('what the compressor wrote', () => {
  test('decodes to the same text as lz-string, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, repetitive), (text) => {
        const link = compress(text);
        expect(decompress(link, NO_LIMIT)).toEqual({ ok: true, text });
        expect(lzDecompress(link)).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });

  test('the worked example and a 2 MB list of actions', () => {
    for (const text of [
      workedExample.policy,
      workedExample.unused,
      JSON.stringify(Array.from({ length: 100_000 }, (_, i) => `s3:GetObject${i}`)),
    ])
      expect(decompress(compress(text), NO_LIMIT)).toEqual({ ok: true, text });
  });

  test('a space where the link had a + is read as the +', () => {
    const link = compress('{"a": "ab+ab+ab?"}'.repeat(20));
    expect(link).toContain('+');
    expect(decompress(link.replaceAll('+', ' '), NO_LIMIT)).toEqual(decompress(link, NO_LIMIT));
  });

  test('text exactly at the limit decodes; one character more is refused', () => {
    const text = 'x'.repeat(1000);
    expect(decompress(compress(text), 1000)).toEqual({ ok: true, text });
    expect(decompress(compress(text + 'y'), 1000)).toMatchObject({
      ok: false,
      problem: 'too-long',
    });
  });
});

describe('what it did not write', () => {
  test.each([
    // The first code is 3, which names no entry: lz-string throws "reading 'charAt'".
    ['zzzzzzzzzzzzzzzzzzzz', 'damaged', 0],
    ['%3Cscript%3E', 'damaged', 0],
    ['-+-+', 'damaged', 0],
    ['<b>', 'damaged', 0],
    ['IZ', 'cut-short', 2],
    ['IZAA', 'damaged', 3],
  ])('%s is refused: %s at %i', (input, problem, at) => {
    expect(decompress(input, NO_LIMIT)).toEqual({ ok: false, problem, at, limit: NO_LIMIT });
  });

  test('every prefix of a link is refused as cut short, except the last padding', () => {
    const link = compress(workedExample.policy);
    for (let n = 0; n < link.length - 1; n++)
      expect(decompress(link.slice(0, n), NO_LIMIT), `first ${n}`).toMatchObject({ ok: false });
    const all = decompress(link.slice(0, -1), NO_LIMIT);
    if (all.ok) expect(all.text).toBe(workedExample.policy);
  });

  test('characters after the end are refused', () => {
    const link = compress(workedExample.unused);
    expect(decompress(link + 'A', NO_LIMIT)).toMatchObject({ ok: false, problem: 'damaged' });
    expect(decompress(link + link, NO_LIMIT)).toMatchObject({ ok: false, problem: 'damaged' });
  });

  test('random link characters never throw, and whatever decodes is what lz-string reads', () => {
    let decoded = 0;
    fc.assert(
      fc.property(encoded, (input) => {
        const ours = decompress(input, NO_LIMIT);
        if (ours.ok) {
          decoded++;
          expect(lzOrThrow(input)).toBe(ours.text);
        } else expect(ours.at).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 6000 },
    );
    expect(decoded).toBeGreaterThan(0);
  });

  // No checksum: many changes still decode, to other text, which the policy's parser then judges.
  test('a changed character in a real link is refused or read as lz-string reads it', () => {
    const link = compress(workedExample.policy);
    fc.assert(
      fc.property(fc.nat({ max: link.length - 1 }), fc.constantFrom(...ALPHABET), (i, c) => {
        const input = link.slice(0, i) + c + link.slice(i + 1);
        const ours = decompress(input, NO_LIMIT);
        if (ours.ok) expect(lzOrThrow(input)).toBe(ours.text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bombs', () => {
  test('the generator writes what lz-string expands', () => {
    for (const codes of [0, 1, 5, 100, 1000])
      expect(lzDecompress(lzBomb(codes))).toBe('a'.repeat(bombLength(codes)));
  });

  test.each([
    [10e6, 8.1],
    [50e6, 20.1],
    [200e6, 43.5],
    [600e6, 79.6],
  ])(
    'a link that expands to %d characters (%d KB) stops at the limit, early in the link',
    (chars, kb) => {
      const link = lzBomb(codesFor(chars));
      expect(link.length / 1024).toBeCloseTo(kb, 1);
      const limit = 8 * 1024 * 1024;
      const r = decompress(link, limit);
      expect(r).toMatchObject({ ok: false, problem: 'too-long', limit });
      // It read no more of the link than the first ~8 M characters of output needed.
      const needed = lzBomb(codesFor(limit)).length;
      if (!r.ok) expect(r.at).toBeLessThanOrEqual(needed);
    },
  );

  test('a bomb that stays within the limit expands in full', () => {
    const codes = codesFor(100_000) - 1;
    expect(decompress(lzBomb(codes), 100_000)).toEqual({
      ok: true,
      text: 'a'.repeat(bombLength(codes)),
    });
  });
});
