// The worker client with a fake worker: ids, cancellation by restart, time-outs and crashes.
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  BOOT_NAME_CHARS,
  createRefinerWorker,
  REFINE_TIME_LIMIT_MS,
  RefinerCancelled,
  RefinerClient,
  timeLimitFrom,
  type WorkerLike,
} from '../../src/worker/client';
import {
  BOOT_NAME_PREFIX,
  bootRequest,
  type Analysis,
  type HoverInfo,
  type Request,
  type Response,
} from '../../src/worker/protocol';

class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  received: Request[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<Response>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: Request) {
    this.received.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(r: Response) {
    this.onmessage?.({ data: r } as MessageEvent<Response>);
  }
}

const analysis = (ms: number) => ({ ms }) as Analysis;
const inputs = { policy: '{}', unused: '[]', used: false };

afterEach(() => {
  FakeWorker.all = [];
  vi.useRealTimers();
});

describe('RefinerClient', () => {
  test('answers a refine by its id', async () => {
    const c = new RefinerClient(() => new FakeWorker());
    const p = c.refine(inputs);
    const w = FakeWorker.all[0];
    expect(w.received[0]).toMatchObject({ type: 'refine', id: 1, policy: '{}' });
    w.answer({ type: 'refine', id: 1, analysis: analysis(3) });
    expect((await p).ms).toBe(3);
  });

  test('a newer refine cancels a running one: the worker is restarted and the old answer dropped', async () => {
    const c = new RefinerClient(() => new FakeWorker());
    const first = c.refine(inputs);
    const second = c.refine({ ...inputs, policy: '{"a":1}' });
    await expect(first).rejects.toBeInstanceOf(RefinerCancelled);
    const [old, fresh] = FakeWorker.all;
    expect(old.terminated).toBe(true);
    expect(c.starts).toBe(2);
    old.answer({ type: 'refine', id: 1, analysis: analysis(1) }); // too late: ignored
    fresh.answer({ type: 'refine', id: 2, analysis: analysis(2) });
    expect((await second).ms).toBe(2);
  });

  test('a hover or completion waiting behind a cancelled refine is asked of the new worker', async () => {
    const c = new RefinerClient(() => new FakeWorker());
    const first = c.refine(inputs);
    const hover = c.hover('s3:Get*');
    const complete = c.complete('s3:Get');
    const trie = c.trie({ refinement: 1, statement: 0, position: 0, level: 'word' });
    const second = c.refine({ ...inputs, policy: '{"a":1}' });
    await expect(first).rejects.toBeInstanceOf(RefinerCancelled);
    // A trie belongs to the cancelled refinement: it fails with it.
    await expect(trie).rejects.toBeInstanceOf(RefinerCancelled);
    const fresh = FakeWorker.all[1];
    expect(fresh.received.map((m) => [m.type, m.id])).toEqual([
      ['hover', 2],
      ['complete', 3],
      ['refine', 5],
    ]);
    const info = { pattern: 's3:Get*' } as unknown as HoverInfo;
    fresh.answer({ type: 'hover', id: 2, info });
    fresh.answer({ type: 'complete', id: 3, items: [] });
    fresh.answer({ type: 'refine', id: 5, analysis: analysis(5) });
    await expect(hover).resolves.toBe(info);
    await expect(complete).resolves.toEqual([]);
    expect((await second).ms).toBe(5);
  });

  test('a crash fails the lookups too: they are not asked again of the next worker', async () => {
    const c = new RefinerClient(() => new FakeWorker());
    const hover = c.hover('s3:Get*');
    FakeWorker.all[0].onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(hover).rejects.toThrow(/stopped unexpectedly/);
    expect(FakeWorker.all[1].received).toEqual([]);
  });

  test('the same inputs share the answer while refined and once answered: one request, no restart', async () => {
    const c = new RefinerClient(() => new FakeWorker());
    const early = c.refine(inputs); // main.tsx, before React
    const mounted = c.refine({ ...inputs }); // the app's first effect
    const w = FakeWorker.all[0];
    expect(w.received).toHaveLength(1);
    expect(c.starts).toBe(1);
    w.answer({ type: 'refine', id: 1, analysis: analysis(5) });
    expect((await early).ms).toBe(5);
    expect((await mounted).ms).toBe(5);
    // Answered before the app asks (the worker is often quicker than React): the same answer, no
    // second request.
    expect((await c.refine({ ...inputs })).ms).toBe(5);
    expect(w.received).toHaveLength(1);
    // Other inputs in between: the first ones are refined again.
    const other = c.refine({ ...inputs, policy: '{"b":1}' });
    w.answer({ type: 'refine', id: 2, analysis: analysis(6) });
    expect((await other).ms).toBe(6);
    const again = c.refine(inputs);
    expect(w.received).toHaveLength(3);
    w.answer({ type: 'refine', id: 3, analysis: analysis(7) });
    expect((await again).ms).toBe(7);
  });

  test('the same inputs with other what-if marks or another keep list are a new refinement', () => {
    const c = new RefinerClient(() => new FakeWorker());
    void c.refine(inputs).catch(() => {});
    void c.refine({ ...inputs, keep: 's3:GetObject' }).catch(() => {});
    void c.refine({ ...inputs, keep: 's3:GetObject', marks: [] }).catch(() => {});
    expect(c.starts).toBe(2);
    expect(FakeWorker.all[1].received).toHaveLength(1);
  });

  test('a refine over the time bound is stopped, reported, and the worker restarted', async () => {
    vi.useFakeTimers();
    const c = new RefinerClient(() => new FakeWorker(), 5_000);
    const p = c.refine(inputs);
    const caught = p.catch((e: Error) => e.message);
    vi.advanceTimersByTime(5_001);
    expect(await caught).toMatch(/took longer than 5 s .* restarted/);
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(c.starts).toBe(2);
  });

  test('a crash of the worker is reported and a new worker takes the next request', async () => {
    const c = new RefinerClient(() => new FakeWorker());
    const p = c.refine(inputs);
    FakeWorker.all[0].onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await expect(p).rejects.toThrow(/stopped unexpectedly \(out of memory\); it was restarted/);
    const next = c.refine(inputs);
    FakeWorker.all[1].answer({ type: 'refine', id: 2, analysis: analysis(4) });
    expect((await next).ms).toBe(4);
  });

  test('a bug in core comes back as a plain message; the same inputs are then asked for again', async () => {
    const c = new RefinerClient(() => new FakeWorker());
    const p = c.refine(inputs);
    FakeWorker.all[0].answer({ type: 'error', id: 1, message: 'boom' });
    await expect(p).rejects.toThrow('The refiner failed: boom');
    const again = c.refine(inputs);
    expect(FakeWorker.all[0].received).toHaveLength(2);
    FakeWorker.all[0].answer({ type: 'refine', id: 2, analysis: analysis(8) });
    expect((await again).ms).toBe(8);
  });
});

describe('the first refinement, given as the worker starts', () => {
  test('starts the worker with it: nothing is posted, and the same inputs get its answer', async () => {
    const started: (Request | undefined)[] = [];
    const c = new RefinerClient(
      (first) => {
        started.push(first);
        return new FakeWorker();
      },
      undefined,
      inputs,
    );
    expect(started).toEqual([{ type: 'refine', id: 1, ...inputs }]);
    const w = FakeWorker.all[0];
    const mounted = c.refine({ ...inputs }); // the app, when it mounts
    expect(w.received).toEqual([]);
    expect(c.starts).toBe(1);
    w.answer({ type: 'refine', id: 1, analysis: analysis(9) });
    expect((await mounted).ms).toBe(9);
    // Later requests are messages to the same worker.
    void c.refine({ ...inputs, policy: '{"c":1}' });
    expect(w.received).toMatchObject([{ type: 'refine', id: 2 }]);
    expect(started).toHaveLength(1);
  });

  test('is bounded in time like any other, and the worker restarted without it', async () => {
    vi.useFakeTimers();
    const started: (Request | undefined)[] = [];
    const c = new RefinerClient(
      (first) => {
        started.push(first);
        return new FakeWorker();
      },
      2_000,
      inputs,
    );
    const caught = c.refine(inputs).catch((e: Error) => e.message);
    vi.advanceTimersByTime(2_001);
    expect(await caught).toMatch(/took longer than 2 s/);
    expect(started).toEqual([expect.objectContaining({ id: 1 }), undefined]);
  });
});

describe('the first request in the worker name', () => {
  afterEach(() => vi.unstubAllGlobals());
  const names: string[] = [];
  const posted: unknown[] = [];
  /** A global Worker that records each name and message; the records start empty. */
  const stubWorker = () => {
    names.length = 0;
    posted.length = 0;
    vi.stubGlobal(
      'Worker',
      vi.fn(function (this: Record<string, unknown>, _url: unknown, options?: { name?: string }) {
        names.push(options?.name ?? '');
        this.postMessage = (m: unknown) => posted.push(m);
      }),
    );
  };

  test('a short request rides in the name and is read back as it was', () => {
    stubWorker();
    const req: Request = { type: 'refine', id: 1, ...inputs, keep: 's3:Get*', marks: [] };
    createRefinerWorker(req);
    expect(names).toHaveLength(1);
    expect(names[0].startsWith(BOOT_NAME_PREFIX)).toBe(true);
    expect(bootRequest(names[0])).toEqual(req);
    expect(posted).toEqual([]);
  });

  test('a long request, or none, is not in the name', () => {
    stubWorker();
    const long: Request = { type: 'refine', id: 1, ...inputs, policy: 'x'.repeat(BOOT_NAME_CHARS) };
    createRefinerWorker(long);
    createRefinerWorker();
    expect(names).toEqual(['refiner', 'refiner']);
    expect(posted).toEqual([long]);
  });

  test('a name that holds no refine request reads as none', () => {
    for (const name of [
      '',
      'refiner',
      'refine:',
      'refine:{',
      'refine:[]',
      'refine:{"type":"trie","id":1}',
      'refine:{"type":"refine","id":"1","policy":"","unused":"","used":false}',
      'refine:{"type":"refine","id":1,"unused":"","used":false}',
      'refine:{"type":"refine","id":1,"policy":"","unused":"","used":"no"}',
    ])
      expect(bootRequest(name), name).toBeNull();
  });
});

describe('timeLimitFrom', () => {
  test('reads ?timeLimit in seconds, within 0.1 to 600, else keeps 30 s', () => {
    expect(timeLimitFrom('?timeLimit=1')).toBe(1000);
    expect(timeLimitFrom('?a=b&timeLimit=2.5')).toBe(2500);
    expect(timeLimitFrom('')).toBe(REFINE_TIME_LIMIT_MS);
    expect(timeLimitFrom('?timeLimit=0')).toBe(REFINE_TIME_LIMIT_MS);
    expect(timeLimitFrom('?timeLimit=9999')).toBe(REFINE_TIME_LIMIT_MS);
    expect(timeLimitFrom('?timeLimit=soon')).toBe(REFINE_TIME_LIMIT_MS);
  });
});
