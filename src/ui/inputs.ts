// The two inputs, where they come from at start (the URL fragment first, then localStorage, then the
// worked example: TypeScript Playground's getInitialCode), and how they are kept and shared.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { examples } from '../examples';

export interface Inputs {
  policy: string;
  unused: string;
  /** Read the unused editor as the actions that were used. */
  used: boolean;
}

export const STORAGE_KEY = 'iam-policy-refiner:v1';

export function shareFragment(inputs: Inputs): string {
  const parts = [
    `policy=${compressToEncodedURIComponent(inputs.policy)}`,
    `unused=${compressToEncodedURIComponent(inputs.unused)}`,
  ];
  if (inputs.used) parts.push('used=1');
  return `#${parts.join('&')}`;
}

/** Both inputs from a `#policy=...&unused=...` fragment, or null when it holds no share link. */
export function readFragment(hash: string): Inputs | null {
  // Split by hand: URLSearchParams would turn lz-string's '+' into a space.
  const params = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const policy = params.get('policy');
  const unused = params.get('unused');
  if (policy === undefined && unused === undefined) return null;
  const read = (v: string | undefined): string =>
    v === undefined ? '' : (decompressFromEncodedURIComponent(v) ?? '');
  return { policy: read(policy), unused: read(unused), used: params.get('used') === '1' };
}

export function loadStored(storage: Storage | null): Inputs | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const v = JSON.parse(text) as Partial<Inputs>;
    if (typeof v.policy !== 'string' || typeof v.unused !== 'string') return null;
    return { policy: v.policy, unused: v.unused, used: v.used === true };
  } catch {
    return null;
  }
}

/** Keeps the inputs; returns false when the browser refused (storage full or disabled). */
export function store(storage: Storage | null, inputs: Inputs): boolean {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(inputs));
    return storage !== null;
  } catch {
    return false;
  }
}

export function initialInputs(
  hash: string,
  storage: Storage | null,
): { inputs: Inputs; from: string } {
  const shared = readFragment(hash);
  if (shared) return { inputs: shared, from: 'share link' };
  const stored = loadStored(storage);
  if (stored) return { inputs: stored, from: 'last session' };
  const first = examples[0];
  return {
    inputs: { policy: first.policy, unused: first.unused, used: first.used === true },
    from: 'example',
  };
}

export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
