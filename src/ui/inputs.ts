// The inputs, where they come from at start (the URL fragment first, then localStorage, then the
// worked example: TypeScript Playground's getInitialCode), and how they are kept and shared. A link
// is only split here; shareLink.ts decodes it off the page's thread and replaces these inputs when
// it decodes.
import { compressToEncodedURIComponent } from 'lz-string';
import { examples, type Example } from '../examples';
import type { LinkParts } from '../worker/shareLink';

export interface Inputs {
  policy: string;
  unused: string;
  /** Read the unused editor as the actions that were used. */
  used: boolean;
  /** Actions or patterns never to remove, one per line or a JSON list ('' for none). */
  keep: string;
}

export const STORAGE_KEY = 'iam-policy-refiner:v1';

/** A link carries the keep list only when there is one (a link without it keeps nothing). */
export function shareFragment(inputs: Omit<Inputs, 'keep'> & { keep?: string }): string {
  const parts = [
    `policy=${compressToEncodedURIComponent(inputs.policy)}`,
    `unused=${compressToEncodedURIComponent(inputs.unused)}`,
  ];
  if (inputs.used) parts.push('used=1');
  if (inputs.keep) parts.push(`keep=${compressToEncodedURIComponent(inputs.keep)}`);
  return `#${parts.join('&')}`;
}

/** The still-encoded parts of a `#policy=...&unused=...` fragment, or null when it holds no link. */
export function linkParts(hash: string): LinkParts | null {
  // Split by hand: URLSearchParams would turn lz-string's '+' into a space.
  const params = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const policy = params.get('policy');
  const unused = params.get('unused');
  if (policy === undefined && unused === undefined) return null;
  return { policy, unused, used: params.get('used') === '1', keep: params.get('keep') };
}

export function loadStored(storage: Storage | null): Inputs | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const v = JSON.parse(text) as Partial<Inputs>;
    if (typeof v.policy !== 'string' || typeof v.unused !== 'string') return null;
    const keep = typeof v.keep === 'string' ? v.keep : '';
    return { policy: v.policy, unused: v.unused, used: v.used === true, keep };
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

/** What the page shows until a share link, if any, has decoded: the last session, else the example. */
export function initialInputs(storage: Storage | null): { inputs: Inputs; from: string } {
  const stored = loadStored(storage);
  if (stored) return { inputs: stored, from: 'last session' };
  const first = examples[0];
  return {
    inputs: exampleInputs(first),
    from: 'example',
  };
}

export function exampleInputs(e: Example): Inputs {
  return { policy: e.policy, unused: e.unused, used: e.used === true, keep: e.keep ?? '' };
}

export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
