// Opening a share link: the outcome of a decode, and the worker's answer, crash or silence.
import { compressToEncodedURIComponent as compress } from 'lz-string';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  linkOutcome,
  openShareLink,
  QUICK_LINK_CHARS,
  readShareLink,
  type LinkWorker,
} from '../../src/ui/shareLink';
import {
  BOMB_CHARS,
  decodeShareLink,
  type DecodedLink,
  type LinkParts,
} from '../../src/worker/shareLink';
import { bombLength, codesFor, lzBomb } from '../fixtures/lz-bomb';

const text = (t: string) => ({ ok: true as const, text: t });
const parts: LinkParts = { policy: 'IZA', unused: 'Q', used: false };

/** A policy of `n` statements that differ only in their Sid and bucket, as generated ones do. */
const statements = (n: number) =>
  JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: Array.from({ length: n }, (_, i) => ({
        Sid: `S${i}`,
        Effect: 'Allow',
        Action: ['s3:Get*', 'ec2:Describe*', 'lambda:InvokeFunction'],
        Resource: `arn:aws:s3:::bucket-${i}/*`,
      })),
    },
    null,
    2,
  );

describe('linkOutcome', () => {
  test('both parts decoded: the link inputs', () => {
    expect(
      linkOutcome(
        { policy: 'x', unused: 'y', used: true },
        { policy: text('{}'), unused: text('s3:GetObject'), used: true, keep: text('s3:Get*') },
      ),
    ).toEqual({
      ok: true,
      inputs: { policy: '{}', unused: 's3:GetObject', used: true, keep: 's3:Get*' },
    });
  });

  test('a broken part is named, with where and why, and the inputs are said to be kept', () => {
    const out = linkOutcome(parts, {
      policy: { ok: false, problem: 'damaged', at: 0, limit: 8 * 1048576 },
      unused: text('x'),
      used: false,
      keep: text(''),
    });
    expect(out).toEqual({
      ok: false,
      message:
        'This share link is broken and was not opened: its policy= part is damaged at character 1 (the link was altered or mistyped). The inputs you had are kept.',
    });
  });

  test('both parts broken: both named', () => {
    const out = linkOutcome(parts, {
      policy: { ok: false, problem: 'too-long', at: 7516, limit: 8 * 1048576 },
      unused: { ok: false, problem: 'cut-short', at: 1234, limit: 16 * 1048576 },
      used: false,
      keep: text(''),
    });
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.message).toBe(
        'This share link is broken and was not opened: its policy= part expands past 8 MB, the largest policy the refiner reads; and its unused= part is cut short after 1,234 characters (the link was truncated when it was copied). The inputs you had are kept.',
      );
  });
});

describe('the keep= part', () => {
  test('a broken keep list is named like the other parts and opens nothing', () => {
    const out = linkOutcome(parts, {
      policy: text('{}'),
      unused: text('s3:GetObject'),
      used: false,
      keep: { ok: false, problem: 'cut-short', at: 12, limit: 1048576 },
    });
    expect(out).toEqual({
      ok: false,
      message:
        'This share link is broken and was not opened: its keep= part is cut short after 12 characters (the link was truncated when it was copied). The inputs you had are kept.',
    });
  });

  test("is decoded within the keep list's own limit of 1 MB", () => {
    const link = { policy: compress('{}'), unused: compress(''), used: false, keep: 'zz' };
    expect(decodeShareLink(link).keep).toMatchObject({ ok: false, problem: 'damaged' });
    const long = compress('s3:GetObject\n'.repeat(90_000));
    const decoded = decodeShareLink({ ...link, keep: long }).keep;
    expect(decoded).toMatchObject({ ok: false, problem: 'too-long', limit: 1048576 });
    const out = linkOutcome({ ...link, keep: long }, decodeShareLink({ ...link, keep: long }));
    expect(out.ok === false && out.message).toContain(
      'its keep= part expands past 1 MB, the largest keep list the refiner reads',
    );
  });

  test('a bomb in the keep list stops at the 1 MB limit (the size a bomb is judged by)', () => {
    const keep = lzBomb(codesFor(10e6));
    const link = { policy: compress('{}'), unused: compress(''), used: false, keep };
    expect(decodeShareLink(link).keep).toMatchObject({ ok: false, problem: 'too-long' });
  });
});

describe('a link that decodes but expands like a bomb', () => {
  test('is held back with its sizes, the inputs kept, and can be opened all the same', () => {
    // 10 M characters from 8 KB: within the 16 MB of the unused permissions, but no list of actions.
    const bomb = lzBomb(codesFor(10e6));
    const link = { policy: compress('{}'), unused: bomb, used: false };
    const out = linkOutcome(link, decodeShareLink(link));
    expect(out).toEqual({
      ok: false,
      anyway: { ...link, anyway: true },
      message: expect.stringMatching(
        /^This share link was not opened: its unused= part is 8,\d{3} characters long and expands to 10,00\d,\d{3}, 1,2\d\d times as many\. .*The inputs you had are kept\.$/,
      ),
    });
    const asked = { ...link, anyway: true };
    const opened = linkOutcome(asked, decodeShareLink(asked));
    expect(opened.ok && opened.inputs.unused.length).toBe(bombLength(codesFor(10e6)));
  });

  test('a broken part is reported before a bomb, and nothing is offered to open', () => {
    const link = { policy: 'zz', unused: lzBomb(codesFor(10e6)), used: false };
    const out = linkOutcome(link, decodeShareLink(link));
    expect(out).toMatchObject({
      ok: false,
      message: expect.stringContaining('policy= part is damaged'),
    });
    expect(out.ok === false && out.anyway).toBeUndefined();
  });

  test('a big real policy in a link is opened', () => {
    // 10,000 statements: 2 M characters, compressed about 17 times.
    const policy = statements(10_000);
    expect(policy.length).toBeGreaterThan(BOMB_CHARS);
    const link = { policy: compress(policy), unused: compress('s3:GetObject'), used: false };
    expect(linkOutcome(link, decodeShareLink(link))).toMatchObject({ ok: true });
  });
});

class FakeWorker implements LinkWorker {
  received: LinkParts[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<DecodedLink>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(parts: LinkParts) {
    this.received.push(parts);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('openShareLink', () => {
  test('posts the parts, resolves with the answer and ends the worker', async () => {
    const w = new FakeWorker();
    const { result } = openShareLink(parts, () => w);
    expect(w.received).toEqual([parts]);
    w.onmessage?.({
      data: { policy: text('a'), unused: text(''), used: false, keep: text('') },
    } as MessageEvent<DecodedLink>);
    expect(await result).toEqual({
      ok: true,
      inputs: { policy: 'a', unused: '', used: false, keep: '' },
    });
    expect(w.terminated).toBe(true);
  });

  test('a crashed worker is reported, not thrown', async () => {
    const w = new FakeWorker();
    const { result } = openShareLink(parts, () => w);
    w.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(await result).toEqual({
      ok: false,
      message:
        'This share link could not be read: its reader stopped (out of memory). The inputs you had are kept.',
    });
  });

  test('a worker that does not answer is stopped at the time limit', async () => {
    vi.useFakeTimers();
    const w = new FakeWorker();
    const { result } = openShareLink(parts, () => w, 2000);
    vi.advanceTimersByTime(2000);
    expect(await result).toMatchObject({ ok: false, message: expect.stringContaining('2 s') });
    expect(w.terminated).toBe(true);
  });

  test('cancel ends the worker', () => {
    const w = new FakeWorker();
    openShareLink(parts, () => w).cancel();
    expect(w.terminated).toBe(true);
  });
});

describe('readShareLink', () => {
  const worker = () => {
    const opened: LinkParts[] = [];
    const open = (p: LinkParts) => {
      opened.push(p);
      return { result: new Promise<never>(() => {}), cancel: () => {} };
    };
    return { opened, open };
  };

  test('a short link is read at once, with no worker started', async () => {
    const { opened, open } = worker();
    const link = {
      policy: compress('{"Statement": []}'),
      unused: compress('s3:GetObject'),
      used: true,
    };
    expect(await readShareLink(link, open).result).toEqual({
      ok: true,
      inputs: { policy: '{"Statement": []}', unused: 's3:GetObject', used: true, keep: '' },
    });
    expect(opened).toEqual([]);
  });

  test('a broken, long, far-expanding or asked-for-anyway link goes to the worker', () => {
    const { opened, open } = worker();
    const broken = { policy: 'IZA!', unused: 'Q', used: false };
    const long = { policy: 'A'.repeat(QUICK_LINK_CHARS + 1), used: false };
    // Small in the link, past the bound once expanded.
    const expanding = { policy: compress('x'.repeat(QUICK_LINK_CHARS + 1)), used: false };
    const anyway = { policy: compress('{}'), used: false, anyway: true };
    expect(expanding.policy.length).toBeLessThan(1000);
    for (const p of [broken, long, expanding, anyway]) readShareLink(p, open);
    expect(opened).toEqual([broken, long, expanding, anyway]);
  });
});
