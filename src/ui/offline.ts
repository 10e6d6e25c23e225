// Offline after the first visit: registers the service worker Workbox generates (vite.config.ts)
// and tells the page about new versions. A first visit registers it once the page has settled, so
// precaching the build never competes with the answer; a returning visit registers at once. A new
// version found during a visit waits (so no page mixes the files of two builds) and is started by
// the next visit, which reloads once and says so.
import { registerSW } from 'virtual:pwa-register';

/** `ready`: a new version is downloaded and waits; `updated`: this page is that new version. */
export type UpdateState = 'ready' | 'updated' | null;

const UPDATED_KEY = 'iam-policy-refiner:v1:updated';
/** How long the waiting version has to take over the page before the page nudges it. */
export const STALL_MS = 3000;

let state: UpdateState = null;
const listeners = new Set<() => void>();
let update: (() => Promise<void>) | null = null;

function tell(next: UpdateState): void {
  state = next;
  for (const l of listeners) l();
}

export const updates = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  current: (): UpdateState => state,
  /** Starts the waiting version now: the page reloads into it. */
  useNow(): void {
    try {
      sessionStorage.setItem(UPDATED_KEY, '1');
    } catch {
      /* the reload still happens, without its note */
    }
    void update?.();
    nudgeWhileWaiting(navigator.serviceWorker, frameNavigation);
  },
  dismiss: (): void => tell(null),
};

/**
 * Asked to start, the waiting version takes over within milliseconds: Chromium stops the old worker
 * once it is idle, activates the new one, and the page reloads on `controllerchange`. But when a
 * request of this page (a chunk, the favicon) starts the old worker again while it is being stopped,
 * Chromium drops the activation until that worker stops by its idle timeout (30 s; never while
 * DevTools is attached). A navigation makes Chromium ask the old worker to stop again. So while the
 * page is still the old version's, with a version waiting, `nudge` every `wait` ms, `tries` times.
 */
export function nudgeWhileWaiting(
  container: ServiceWorkerContainer,
  nudge: () => void,
  wait = STALL_MS,
  tries = STALL_NUDGES,
): void {
  const before = container.controller;
  const later = (left: number) =>
    setTimeout(() => {
      if (container.controller !== before) return;
      void container.getRegistration().then((registration) => {
        if (!registration?.waiting || container.controller !== before) return;
        nudge();
        if (left > 1) later(left - 1);
      });
    }, wait);
  later(tries);
}

/** How many times a page nudges a stalled activation before leaving it to the browser. */
export const STALL_NUDGES = 5;

/**
 * The nudge: a navigation that leaves the page alone, in a hidden frame that runs no script, to a
 * small precached file (the old worker answers it from its cache, offline too).
 */
function frameNavigation(): void {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('data-testid', 'update-nudge');
  frame.addEventListener('load', () => frame.remove(), { once: true });
  frame.src = new URL('icon.svg', document.baseURI).href;
  document.body.append(frame);
}

/** After a reload into a new version (no version waits any more): say so, once. */
function noteIfUpdated(): void {
  try {
    if (!sessionStorage.getItem(UPDATED_KEY)) return;
    sessionStorage.removeItem(UPDATED_KEY);
  } catch {
    return; // no note without storage
  }
  tell('updated');
}

let settle: () => void = () => {};
const settled = new Promise<void>((resolve) => (settle = resolve));

/** The page has drawn its answer, trie and editors: a first visit may now precache the build. */
export function pageSettled(): void {
  settle();
}

/** Registers the service worker now on a returning visit, else once the page has settled. */
export function startOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = async () => {
    // A version downloaded during an earlier visit is waiting: this visit is the one that starts it.
    const waiting = (await navigator.serviceWorker.getRegistration())?.waiting ?? null;
    if (!waiting) noteIfUpdated();
    update = registerSW({
      immediate: true,
      onNeedRefresh: () => (waiting ? updates.useNow() : tell('ready')),
    });
  };
  if (navigator.serviceWorker.controller) void register();
  else {
    noteIfUpdated();
    void settled.then(() =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => void register(), { timeout: 2000 })
        : void register(),
    );
  }
}
