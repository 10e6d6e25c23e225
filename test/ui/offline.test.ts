// The nudge that ends Chromium's stalled activation of a new version (src/ui/offline.ts): it runs
// only while the page is still the old version's with a version waiting, and a bounded number of
// times.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { nudgeWhileWaiting, STALL_MS, STALL_NUDGES } from '../../src/ui/offline';

vi.mock('virtual:pwa-register', () => ({ registerSW: () => async () => undefined }));

/** A service worker container whose controller and waiting version the test moves. */
function container(waiting: boolean) {
  const old = { scriptURL: 'sw.js' } as ServiceWorker;
  const state = { controller: old as ServiceWorker | null, waiting };
  const fake = {
    get controller() {
      return state.controller;
    },
    getRegistration: async () =>
      ({ waiting: state.waiting ? ({} as ServiceWorker) : null }) as ServiceWorkerRegistration,
  } as unknown as ServiceWorkerContainer;
  return { fake, state };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('nudgeWhileWaiting', () => {
  test.each([
    ['the new version takes over the page in time', true, true],
    ['no version waits', false, false],
  ])('does nothing when %s', async (_, waiting, takesOver) => {
    const { fake, state } = container(waiting);
    const nudge = vi.fn();
    nudgeWhileWaiting(fake, nudge);
    if (takesOver) state.controller = { scriptURL: 'sw.js' } as ServiceWorker;
    await vi.advanceTimersByTimeAsync(STALL_MS * (STALL_NUDGES + 2));
    expect(nudge).not.toHaveBeenCalled();
  });

  test('nudges after each wait while the activation stalls, at most STALL_NUDGES times', async () => {
    const { fake } = container(true);
    const nudge = vi.fn();
    nudgeWhileWaiting(fake, nudge);
    await vi.advanceTimersByTimeAsync(STALL_MS - 1);
    expect(nudge).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(nudge).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(STALL_MS * (STALL_NUDGES + 2));
    expect(nudge).toHaveBeenCalledTimes(STALL_NUDGES);
  });

  test('stops nudging once the new version has taken over', async () => {
    const { fake, state } = container(true);
    const nudge = vi.fn();
    nudgeWhileWaiting(fake, nudge);
    await vi.advanceTimersByTimeAsync(STALL_MS * 2);
    expect(nudge).toHaveBeenCalledTimes(2);
    state.controller = { scriptURL: 'sw.js' } as ServiceWorker;
    state.waiting = false;
    await vi.advanceTimersByTimeAsync(STALL_MS * (STALL_NUDGES + 2));
    expect(nudge).toHaveBeenCalledTimes(2);
  });
});
