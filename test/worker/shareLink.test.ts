// Decoding a share link's parts within the sizes the refiner reads.
import { compressToEncodedURIComponent as compress } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { MAX_FINDINGS_CHARS, MAX_POLICY_CHARS } from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';
import { BOMB_CHARS, BOMB_RATIO, decodeShareLink } from '../../src/worker/shareLink';
import { bombLength, codesFor, lzBomb } from '../fixtures/lz-bomb';

describe('decodeShareLink', () => {
  test('both parts and the used flag', () => {
    expect(
      decodeShareLink({
        policy: compress(workedExample.policy),
        unused: compress(workedExample.unused),
        used: true,
        keep: compress('s3:GetBucketAcl'),
      }),
    ).toEqual({
      policy: { ok: true, text: workedExample.policy },
      unused: { ok: true, text: workedExample.unused },
      used: true,
      keep: { ok: true, text: 's3:GetBucketAcl' },
    });
  });

  test('a part the link lacks, or leaves empty, is empty text', () => {
    const d = decodeShareLink({ policy: compress('{}'), unused: '', used: false });
    expect(d.unused).toEqual({ ok: true, text: '' });
    expect(decodeShareLink({ unused: compress('x'), used: false }).policy).toEqual({
      ok: true,
      text: '',
    });
  });

  test('a link whose $ and + were percent-encoded on the way still opens', () => {
    const link = compress(workedExample.unused);
    const escaped = link.replaceAll('$', '%24').replaceAll('+', '%2B');
    expect(decodeShareLink({ unused: escaped, used: false }).unused).toEqual({
      ok: true,
      text: workedExample.unused,
    });
    expect(decodeShareLink({ unused: '%E0%A4%A', used: false }).unused).toMatchObject({
      ok: false,
      problem: 'damaged',
      at: 0,
    });
  });

  test('each part is bounded by its own limit: 8 MB for the policy, 16 MB for the findings', () => {
    // About 10 M characters: over the policy's limit, within the findings'.
    const codes = codesFor(10e6);
    const d = decodeShareLink({
      policy: lzBomb(codes),
      unused: lzBomb(codes),
      used: false,
      anyway: true,
    });
    expect(d.policy).toMatchObject({ ok: false, problem: 'too-long', limit: MAX_POLICY_CHARS });
    expect(d.unused.ok && d.unused.text.length).toBe(bombLength(codes));
    expect(bombLength(codes)).toBeLessThan(MAX_FINDINGS_CHARS);
    expect(
      decodeShareLink({ unused: lzBomb(codesFor(20e6)), used: false, anyway: true }).unused,
    ).toMatchObject({ ok: false, problem: 'too-long', limit: MAX_FINDINGS_CHARS });
  });

  test('a part within the limits that expands like a bomb is held back unless asked for', () => {
    const codes = codesFor(10e6);
    const link = { unused: lzBomb(codes), used: false };
    expect(decodeShareLink(link).unused).toEqual({
      ok: false,
      problem: 'bomb',
      chars: bombLength(codes),
      encodedChars: link.unused.length,
    });
    // Just under either bound it opens: a megabyte, or a hundred times its length.
    const mb = codesFor(BOMB_CHARS) - 1;
    expect(decodeShareLink({ unused: lzBomb(mb), used: false }).unused.ok).toBe(true);
    const text = 'Allow '.repeat(200_000);
    const encoded = compress(text);
    expect(text.length / encoded.length).toBeGreaterThan(BOMB_RATIO);
    expect(decodeShareLink({ policy: encoded, used: false }).policy).toMatchObject({
      problem: 'bomb',
    });
    expect(decodeShareLink({ policy: encoded, used: false, anyway: true }).policy).toEqual({
      ok: true,
      text,
    });
  });
});
