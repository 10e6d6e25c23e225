// What the page opens with: the first inputs and, when the refiner answers soon enough, their answer,
// so that the first render already draws the recommendation (one render and one layout instead of
// an empty page, then the inputs, then the answer).
import type { ActionMark, Analysis } from '../worker/protocol';
import { initialInputs, type Inputs } from './inputs';
import type { LinkReading } from './shareLink';
import { loadMarks, readMarks } from './whatIf';

export interface FirstView {
  inputs: Inputs;
  marks: readonly ActionMark[];
  /** The inputs are the address's share link (already loaded: the link is not opened again). */
  link: boolean;
  /** Their answer, when it came before the page was drawn. */
  analysis: Analysis | null;
}

/**
 * The first inputs when they are known at once: the address's link when it was read at once,
 * otherwise (no link) the last session's inputs or the first example. Null while a link is still
 * being decoded: the page then opens as before and loads the link when it decodes.
 */
export function firstInputs(
  link: { reading: LinkReading } | null,
  storage: Storage | null,
  hash: string,
): Omit<FirstView, 'analysis'> | null {
  if (link)
    return link.reading.now
      ? { inputs: link.reading.now, marks: readMarks(hash), link: true }
      : null;
  return storedInputs(storage);
}

/** The last session's inputs and what-if marks, or the first example. */
export function storedInputs(storage: Storage | null): Omit<FirstView, 'analysis'> {
  return { inputs: initialInputs(storage).inputs, marks: loadMarks(storage), link: false };
}

/**
 * How long the page waits, once its code has loaded, for the first answer before it draws without
 * it. The refiner usually answers within a few tens of milliseconds of that point; a slow input is
 * shown (inputs and "Refining…") after this bound, and its answer follows.
 */
export const FIRST_ANSWER_WAIT_MS = 200;

/** The answer if it comes within `ms`, else null (a failure is null too: the page asks again). */
export function answerWithin(answer: Promise<Analysis>, ms: number): Promise<Analysis | null> {
  return Promise.race([
    answer.catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
}
