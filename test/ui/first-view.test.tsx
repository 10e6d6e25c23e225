// @vitest-environment jsdom
// What the page opens with: the first inputs main.tsx starts the worker with, and, when their answer
// came before the page was drawn, a first render that already shows the recommendation.
import { act, cleanup, render, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { examples } from '../../src/examples';
import { workedExample } from '../../src/examples/worked-example';
import { App } from '../../src/ui/App';
import { answerWithin, firstInputs, type FirstView } from '../../src/ui/firstView';
import { exampleInputs, linkParts, shareFragment, STORAGE_KEY } from '../../src/ui/inputs';
import { readShareLink } from '../../src/ui/shareLink';
import { useShareLink } from '../../src/ui/useShareLink';
import { marksFragment } from '../../src/ui/whatIf';
import { RefinerSession } from '../../src/worker/analyze';
import type { RefinerClient } from '../../src/worker/client';
import { catalog } from '../core/support';
import { memoryStorage } from './memoryStorage';

afterEach(() => {
  cleanup();
  window.location.hash = '';
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const inputs = {
  policy: workedExample.policy,
  unused: workedExample.unused,
  used: false,
  keep: '',
};

describe('firstInputs', () => {
  test('no link: the last session, else the first example', () => {
    const stored = { ...inputs, policy: '{"Version":"2012-10-17","Statement":[]}' };
    const session = memoryStorage({ [STORAGE_KEY]: JSON.stringify(stored) });
    expect(firstInputs(null, session, '')).toEqual({ inputs: stored, marks: [], link: false });
    expect(firstInputs(null, null, '')).toEqual({
      inputs: exampleInputs(examples[0]),
      marks: [],
      link: false,
    });
  });

  test("a link read at once: its inputs and the address's what-if marks", () => {
    const marks = [{ action: 's3:GetObject', mark: 'used' as const }];
    const hash = shareFragment(inputs) + marksFragment(marks);
    const parts = linkParts(hash);
    if (!parts) throw new Error('no link');
    const first = firstInputs({ reading: readShareLink(parts) }, null, hash);
    expect(first).toEqual({ inputs, marks, link: true });
  });

  test('a link still being decoded: nothing yet (the page loads it when it decodes)', () => {
    const reading = { result: new Promise<never>(() => {}), cancel: () => {} };
    expect(firstInputs({ reading }, memoryStorage(), '#policy=x')).toBeNull();
  });
});

describe('answerWithin', () => {
  test('the answer when it comes in time; null after the bound or on a failure', async () => {
    vi.useFakeTimers();
    const quick = answerWithin(Promise.resolve({ ms: 1 } as never), 200);
    expect(await quick).toEqual({ ms: 1 });
    const slow = answerWithin(new Promise<never>(() => {}), 200);
    vi.advanceTimersByTime(201);
    expect(await slow).toBeNull();
    expect(await answerWithin(Promise.reject(new Error('crashed')), 200)).toBeNull();
  });
});

describe('the first render', () => {
  test('with the answer in hand, the recommendation is drawn at once and not asked for again', () => {
    const analysis = new RefinerSession(catalog, () => 0).refine({
      type: 'refine',
      id: 1,
      ...inputs,
    });
    const client = {
      refine: vi.fn(() => new Promise(() => {})),
      trie: vi.fn(() => new Promise(() => {})),
    } as unknown as RefinerClient;
    const storage = memoryStorage();
    const first: FirstView = { inputs, marks: [], link: false, analysis };
    const { container } = render(<App client={client} storage={storage} first={first} />);
    // No wait of any kind: this is the first commit.
    const policy = container.querySelector('[data-testid="recommended-policy"] pre');
    expect(policy?.textContent).toContain('"s3:GetMulti*"');
    expect(container.querySelector('[data-testid="summary"]')).not.toBeNull();
    expect(container.textContent).not.toContain('Refining…');
    expect(client.refine).not.toHaveBeenCalled();
    // The inputs are still kept for a reload.
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}')).toMatchObject(inputs);
  });

  test('without it, the page asks the refiner and shows that it is refining', () => {
    const client = {
      refine: vi.fn(() => new Promise(() => {})),
      trie: vi.fn(() => new Promise(() => {})),
    } as unknown as RefinerClient;
    const first: FirstView = { inputs, marks: [], link: false, analysis: null };
    const { container } = render(<App client={client} storage={null} first={first} />);
    expect(container.textContent).toContain('Refining…');
    expect(client.refine).toHaveBeenCalledWith({ ...inputs, marks: [] });
  });
});

describe('useShareLink with a link the page opened with', () => {
  test('is not opened or loaded again', async () => {
    window.location.hash = shareFragment(inputs);
    const parts = linkParts(window.location.hash);
    if (!parts) throw new Error('no link');
    const worker = vi.fn();
    vi.stubGlobal('Worker', worker);
    const load = vi.fn();
    const early = { parts, reading: readShareLink(parts) };
    const { result } = renderHook(() => useShareLink(0, load, early, true));
    expect(result.current.opening).toBe(false);
    await act(async () => {
      await early.reading.result;
    });
    expect(load).not.toHaveBeenCalled();
    expect(result.current.opening).toBe(false);
    expect(worker).not.toHaveBeenCalled();
  });
});
