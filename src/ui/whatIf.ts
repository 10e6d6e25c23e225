// What-if marks on the page: kept in this browser beside the inputs, and carried by a share link, so
// they survive a reload like the inputs do. The worker turns them into findings (worker/marks.ts).
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { ActionMark } from '../worker/protocol';

const MARKS_KEY = 'iam-policy-refiner:v1:what-if';
const PARAM = 'whatif';

function valid(v: unknown): ActionMark[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (m): m is ActionMark =>
      typeof m === 'object' &&
      m !== null &&
      typeof (m as ActionMark).action === 'string' &&
      ['used', 'unused', 'kept'].includes((m as ActionMark).mark),
  );
}

export function loadMarks(storage: Storage | null): ActionMark[] {
  try {
    return valid(JSON.parse(storage?.getItem(MARKS_KEY) ?? '[]'));
  } catch {
    return [];
  }
}

export function storeMarks(storage: Storage | null, marks: readonly ActionMark[]): void {
  try {
    if (marks.length === 0) storage?.removeItem(MARKS_KEY);
    else storage?.setItem(MARKS_KEY, JSON.stringify(marks));
  } catch {
    /* kept for this visit only */
  }
}

/** `&whatif=...` to append to a share link's fragment, or nothing. */
export function marksFragment(marks: readonly ActionMark[]): string {
  return marks.length === 0
    ? ''
    : `&${PARAM}=${compressToEncodedURIComponent(JSON.stringify(marks))}`;
}

/**
 * Longer is not a link this page wrote (a hundred marks take some 2,000): not decompressed, since
 * lz-string's output can grow with the square of its input.
 */
const MAX_MARKS_PARAM = 8000;

/** The marks a share link carries (none when it carries none, or junk). */
export function readMarks(hash: string): ActionMark[] {
  const part = hash
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith(`${PARAM}=`));
  if (!part || part.length > MAX_MARKS_PARAM) return [];
  try {
    return valid(JSON.parse(decompressFromEncodedURIComponent(part.slice(PARAM.length + 1)) ?? ''));
  } catch {
    return [];
  }
}

/** One line for the page: `s3:GetBucketAcl used, s3:GetObject unused`. */
export function describeMarks(marks: readonly ActionMark[]): string {
  const shown = marks.slice(0, 4).map((m) => `${m.action} ${m.mark}`);
  return marks.length > 4 ? `${shown.join(', ')} and ${marks.length - 4} more` : shown.join(', ');
}
