import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { examples } from '../../src/examples';
import {
  initialInputs,
  linkParts,
  loadStored,
  shareFragment,
  store,
  STORAGE_KEY,
  type Inputs,
} from '../../src/ui/inputs';
import { linkOutcome } from '../../src/ui/shareLink';
import { decodeShareLink } from '../../src/worker/shareLink';

class MemoryStorage {
  map = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
}
const asStorage = (m: MemoryStorage) => m as unknown as Storage;

const inputs = {
  policy: '{"Statement": "<b>+&=#</b>"}',
  unused: 's3:GetObject\n',
  used: true,
  keep: 'backup:Start*\n# yearly\nglacier:InitiateJob',
};

/** What the page does with a fragment: split it here, decode it (in a worker there), judge it. */
function open(hash: string) {
  const parts = linkParts(hash);
  return parts && linkOutcome(parts, decodeShareLink(parts));
}

/** The page's inputs after start: the saved ones or the example, replaced by a link that decodes. */
function startWith(hash: string, storage: Storage | null): Inputs {
  const opened = open(hash);
  return opened?.ok ? opened.inputs : initialInputs(storage).inputs;
}

describe('share links', () => {
  test('carry both inputs compressed in the fragment, and read back the same', () => {
    const hash = shareFragment(inputs);
    expect(hash).toBe(
      `#policy=${compressToEncodedURIComponent(inputs.policy)}&unused=${compressToEncodedURIComponent(inputs.unused)}&used=1&keep=${compressToEncodedURIComponent(inputs.keep)}`,
    );
    expect(linkParts(hash)).toEqual({
      policy: compressToEncodedURIComponent(inputs.policy),
      unused: compressToEncodedURIComponent(inputs.unused),
      used: true,
      keep: compressToEncodedURIComponent(inputs.keep),
    });
    expect(open(hash)).toEqual({ ok: true, inputs });
  });

  test('an empty keep list adds nothing to the link, and a link without one keeps nothing', () => {
    const hash = shareFragment({ ...inputs, keep: '' });
    expect(hash).not.toContain('keep=');
    expect(open(hash)).toEqual({ ok: true, inputs: { ...inputs, keep: '' } });
  });

  test('a fragment without them is not a share link', () => {
    expect(linkParts('')).toBeNull();
    expect(linkParts('#section')).toBeNull();
    expect(linkParts('#policy')).toBeNull();
  });

  test('a link with one part, or other keys, still is one', () => {
    expect(linkParts('#unused=Q&x=1')).toEqual({ policy: undefined, unused: 'Q', used: false });
    expect(linkParts('#keep=Q')).toBeNull();
  });
});

describe('where the inputs come from', () => {
  test('the fragment first, then storage, then the worked example', () => {
    const storage = new MemoryStorage();
    store(asStorage(storage), { policy: 'stored', unused: 'x', used: false, keep: 's3:Get*' });
    expect(startWith(shareFragment(inputs), asStorage(storage))).toEqual(inputs);
    expect(initialInputs(asStorage(storage))).toEqual({
      inputs: { policy: 'stored', unused: 'x', used: false, keep: 's3:Get*' },
      from: 'last session',
    });
    expect(startWith('', asStorage(storage)).policy).toBe('stored');
    // Saved before there was a keep list: it keeps nothing.
    storage.map.set(STORAGE_KEY, '{"policy": "old", "unused": "y", "used": true}');
    expect(loadStored(asStorage(storage))).toEqual({
      policy: 'old',
      unused: 'y',
      used: true,
      keep: '',
    });
    expect(initialInputs(null)).toMatchObject({ from: 'example' });
    expect(startWith('', null).policy).toBe(examples[0].policy);
  });

  test.each([
    ['#policy=zzzzzzzzzzzzzzzzzzzz&unused=Q', 'policy= part is damaged at character 1'],
    ['#policy=%3Cscript%3E&unused=-+-+', 'policy= part is damaged at character 1'],
    ['#policy=Q&unused=-+-+', 'unused= part is damaged at character 1'],
    [shareFragment({ ...inputs, keep: '' }).slice(0, -12), 'unused= part is cut short'],
    [shareFragment(inputs).slice(0, -8), 'keep= part is cut short'],
    [`${shareFragment({ ...inputs, keep: '' })}&keep=zz`, 'keep= part is damaged at character 1'],
  ])('a link that does not decode (%s) gives way to the saved inputs', (hash, message) => {
    const storage = new MemoryStorage();
    const saved = { policy: 'stored', unused: 'x', used: false, keep: 's3:GetObject' };
    store(asStorage(storage), saved);
    const opened = open(hash);
    expect(opened).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(startWith(hash, asStorage(storage))).toEqual(saved);
  });

  test('storage that is full or holds garbage is survived', () => {
    const storage = new MemoryStorage();
    storage.map.set(STORAGE_KEY, '{not json');
    expect(loadStored(asStorage(storage))).toBeNull();
    storage.full = true;
    expect(store(asStorage(storage), inputs)).toBe(false);
  });
});
