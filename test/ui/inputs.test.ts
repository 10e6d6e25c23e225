import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { examples } from '../../src/examples';
import {
  initialInputs,
  loadStored,
  readFragment,
  shareFragment,
  store,
  STORAGE_KEY,
} from '../../src/ui/inputs';

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

const inputs = { policy: '{"Statement": "<b>+&=#</b>"}', unused: 's3:GetObject\n', used: true };

describe('share links', () => {
  test('carry both inputs compressed in the fragment, and read back the same', () => {
    const hash = shareFragment(inputs);
    expect(hash).toBe(
      `#policy=${compressToEncodedURIComponent(inputs.policy)}&unused=${compressToEncodedURIComponent(inputs.unused)}&used=1`,
    );
    expect(readFragment(hash)).toEqual(inputs);
  });

  test('a fragment without them is not a share link', () => {
    expect(readFragment('')).toBeNull();
    expect(readFragment('#section')).toBeNull();
  });
});

describe('where the inputs come from', () => {
  test('the fragment first, then storage, then the worked example', () => {
    const storage = new MemoryStorage();
    store(asStorage(storage), { policy: 'stored', unused: 'x', used: false });
    expect(initialInputs(shareFragment(inputs), asStorage(storage))).toEqual({
      inputs,
      from: 'share link',
    });
    expect(initialInputs('', asStorage(storage)).inputs.policy).toBe('stored');
    expect(initialInputs('', null).inputs.policy).toBe(examples[0].policy);
  });

  test('storage that is full or holds garbage is survived', () => {
    const storage = new MemoryStorage();
    storage.map.set(STORAGE_KEY, '{not json');
    expect(loadStored(asStorage(storage))).toBeNull();
    storage.full = true;
    expect(store(asStorage(storage), inputs)).toBe(false);
  });
});
