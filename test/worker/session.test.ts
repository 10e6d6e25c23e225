// The worker keeps its last refinement: the trie behind a pattern is asked for by the refinement's id,
// with no policy text, and a worker restarted since is told the inputs once more by the client.
import { describe, expect, test } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { RefinerSession } from '../../src/worker/analyze';
import { RefinerClient, type WorkerLike } from '../../src/worker/client';
import type { Request, Response, TrieRequest } from '../../src/worker/protocol';
import { catalog } from '../core/support';

const now = () => 0;

describe('RefinerSession', () => {
  test('answers a trie for its last refinement by id, and says when it no longer holds one', () => {
    const session = new RefinerSession(catalog, now);
    const a = session.refine({ ...workedExample, type: 'refine', id: 7, used: false });
    expect(a.refinement).toBe(7);
    const d = a.recommendation?.decisions.find((x) => x.outcome === 'replaced');
    if (!d) throw new Error('no rewrite');
    const ask: TrieRequest = {
      type: 'trie',
      id: 8,
      refinement: 7,
      statement: d.statement,
      position: d.position,
      level: 'word',
    };
    const word = session.trie(ask);
    expect(word.unknown).toBe(false);
    expect(word.trie?.written).toEqual(d.replacement);
    // The page's copy of the result carries no trie nodes: the worker keeps them.
    expect(d.nodes).toEqual([]);
    // A newer refinement replaces it; a request naming the old one is told so.
    session.refine({ ...workedExample, type: 'refine', id: 9, used: false });
    expect(session.trie(ask)).toEqual({ trie: null, unknown: true });
    expect(session.trie({ ...ask, refinement: 9 }).trie?.written).toEqual(d.replacement);
  });

  test('a refinement whose input does not read leaves the last good one in place', () => {
    const session = new RefinerSession(catalog, now);
    session.refine({ ...workedExample, type: 'refine', id: 1, used: false });
    const bad = session.refine({
      ...workedExample,
      policy: '{',
      type: 'refine',
      id: 2,
      used: false,
    });
    expect(bad.recommendation).toBeNull();
    expect(
      session.trie({ type: 'trie', id: 3, refinement: 1, statement: 1, position: 0, level: 'word' })
        .unknown,
    ).toBe(false);
  });
});

/** A worker that runs a real session in the same thread, and forgets everything when restarted. */
class InlineWorker implements WorkerLike {
  static all: InlineWorker[] = [];
  readonly session = new RefinerSession(catalog, now);
  received: Request[] = [];
  onmessage: ((e: MessageEvent<Response>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    InlineWorker.all.push(this);
  }
  postMessage(req: Request) {
    this.received.push(req);
    const answer = (): Response => {
      if (req.type === 'refine')
        return { type: 'refine', id: req.id, analysis: this.session.refine(req) };
      if (req.type === 'trie') return { type: 'trie', id: req.id, ...this.session.trie(req) };
      return { type: 'error', id: req.id, message: 'not here' };
    };
    queueMicrotask(() => this.onmessage?.({ data: answer() } as MessageEvent<Response>));
  }
  terminate() {}
}

describe('RefinerClient with a restarted worker', () => {
  test('a trie for a result the new worker never saw: the client gives it the inputs again, once', async () => {
    const client = new RefinerClient(() => new InlineWorker());
    const inputs = { policy: workedExample.policy, unused: workedExample.unused, used: false };
    const a = await client.refine(inputs);
    const d = a.recommendation?.decisions.find((x) => x.outcome === 'replaced');
    if (!d) throw new Error('no rewrite');
    // A newer input cancels a running refine by restarting the worker; its input does not read.
    // (The same input again would share the running answer instead.)
    const cancelled = client.refine({ ...inputs, policy: '[' });
    const newer = client.refine({ ...inputs, policy: '{' });
    await expect(cancelled).rejects.toThrow();
    expect((await newer).recommendation).toBeNull();
    expect(InlineWorker.all).toHaveLength(2);
    const trie = await client.trie({
      refinement: a.refinement,
      statement: d.statement,
      position: d.position,
      level: 'word',
    });
    expect(trie?.written).toEqual(d.replacement);
    const second = InlineWorker.all[1].received.map((r) => r.type);
    expect(second).toEqual(['refine', 'trie', 'refine', 'trie']);
    // Trie requests never carry the policy.
    for (const r of InlineWorker.all.flatMap((w) => w.received))
      if (r.type === 'trie') expect(JSON.stringify(r)).not.toContain('Statement');
  });
});
