// Offline after the first visit: registers the service worker Workbox generates (vite.config.ts)
// and tells the page about new versions. A first visit registers it once the page has settled, so
// precaching the build never competes with the answer; a returning visit registers at once. A new
// version found during a visit waits (so no page mixes the files of two builds) and is started by
// the next visit, which reloads once and says so.
import { registerSW } from 'virtual:pwa-register';

/** `ready`: a new version is downloaded and waits; `updated`: this page is that new version. */
export type UpdateState = 'ready' | 'updated' | null;

const UPDATED_KEY = 'iam-policy-refiner:v1:updated';

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
  },
  dismiss: (): void => tell(null),
};

let settle: () => void = () => {};
const settled = new Promise<void>((resolve) => (settle = resolve));

/** The page has drawn its answer, trie and editors: a first visit may now precache the build. */
export function pageSettled(): void {
  settle();
}

/** Registers the service worker now on a returning visit, else once the page has settled. */
export function startOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  try {
    if (sessionStorage.getItem(UPDATED_KEY)) {
      sessionStorage.removeItem(UPDATED_KEY);
      tell('updated');
    }
  } catch {
    /* no note without storage */
  }
  const register = async () => {
    // A version downloaded during an earlier visit is waiting: this visit is the one that starts it.
    const waiting = (await navigator.serviceWorker.getRegistration())?.waiting ?? null;
    update = registerSW({
      immediate: true,
      onNeedRefresh: () => (waiting ? updates.useNow() : tell('ready')),
    });
  };
  if (navigator.serviceWorker.controller) void register();
  else
    void settled.then(() =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => void register(), { timeout: 2000 })
        : void register(),
    );
}
