// What-if marks survive a reload like the inputs: in localStorage, and in a share link's fragment.
import { describe, expect, test } from 'vitest';
import { shareFragment } from '../../src/ui/inputs';
import {
  describeMarks,
  loadMarks,
  marksFragment,
  readMarks,
  storeMarks,
} from '../../src/ui/whatIf';
import type { ActionMark } from '../../src/worker/protocol';
import { memoryStorage } from './memoryStorage';

const marks: ActionMark[] = [
  { action: 's3:GetBucketAcl', mark: 'used' },
  { action: 's3:GetObjectAcl', mark: 'unused' },
  { action: 'ec2:TerminateInstances', mark: 'kept' },
];

describe('what-if marks', () => {
  test('kept in storage, and gone when there are none', () => {
    const storage = memoryStorage();
    storeMarks(storage, marks);
    expect(loadMarks(storage)).toEqual(marks);
    storeMarks(storage, []);
    expect(storage.length).toBe(0);
    expect(loadMarks(storage)).toEqual([]);
  });

  test('carried by a share link beside the inputs, and junk in either place reads as none', () => {
    const hash = shareFragment({ policy: '{}', unused: '[]', used: false }) + marksFragment(marks);
    expect(readMarks(hash)).toEqual(marks);
    expect(readMarks(shareFragment({ policy: '{}', unused: '[]', used: false }))).toEqual([]);
    expect(readMarks('#whatif=%%%')).toEqual([]);
    expect(readMarks(`#whatif=${'A'.repeat(9000)}`)).toEqual([]);
    const storage = memoryStorage();
    storage.setItem('iam-policy-refiner:v1:what-if', '[{"action": 3, "mark": "used"}, "x"]');
    expect(loadMarks(storage)).toEqual([]);
  });

  test('said in one line', () => {
    expect(describeMarks(marks)).toBe(
      's3:GetBucketAcl used, s3:GetObjectAcl unused, ec2:TerminateInstances kept',
    );
  });
});
