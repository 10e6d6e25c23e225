// @vitest-environment jsdom
// The share link main.tsx starts decoding before the page loads: the app uses that decoding, and
// starts no second one for the same link.
import { act, cleanup, renderHook } from '@testing-library/preact';
import { compressToEncodedURIComponent as compress } from 'lz-string';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { linkParts, shareFragment } from '../../src/ui/inputs';
import { useShareLink } from '../../src/ui/useShareLink';

afterEach(() => {
  cleanup();
  window.location.hash = '';
  vi.unstubAllGlobals();
});

describe('useShareLink with the early decoding', () => {
  test('loads what main.tsx decoded, without a worker of its own', async () => {
    const inputs = { policy: '{"Statement": []}', unused: 's3:GetObject', keep: '', used: false };
    window.location.hash = shareFragment(inputs);
    const parts = linkParts(window.location.hash);
    if (!parts) throw new Error('no link');
    expect(parts.policy).toBe(compress(inputs.policy));
    const worker = vi.fn();
    vi.stubGlobal('Worker', worker);
    const load = vi.fn();
    const early = {
      parts,
      reading: { result: Promise.resolve({ ok: true as const, inputs }), cancel: () => {} },
    };
    const { result } = renderHook(() => useShareLink(0, load, early));
    await act(async () => {
      await early.reading.result;
    });
    expect(load).toHaveBeenCalledWith(inputs);
    expect(result.current.opening).toBe(false);
    expect(worker).not.toHaveBeenCalled();
  });

  test('a link other than the early one is decoded as usual', async () => {
    window.location.hash = shareFragment({ policy: 'b', unused: 'c', keep: '', used: false });
    const other = linkParts(shareFragment({ policy: 'a', unused: 'c', keep: '', used: false }));
    if (!other) throw new Error('no link');
    const worker = vi.fn(function (this: Record<string, unknown>) {
      this.postMessage = () => {};
      this.terminate = () => {};
    });
    vi.stubGlobal('Worker', worker);
    const early = {
      parts: other,
      reading: { result: new Promise<never>(() => {}), cancel: () => {} },
    };
    renderHook(() => useShareLink(0, vi.fn(), early));
    expect(worker).toHaveBeenCalledTimes(1);
  });
});
