// Opening a share link: a short one is read at once within a small bound, anything else decoded in a
// worker of its own, so a hostile link can neither freeze the page nor, when it does not decode,
// replace the inputs the user had.
import {
  decodeShareLink,
  type DecodedLink,
  type DecodedPart,
  type LinkParts,
} from '../worker/shareLink';
import { figure } from '../core/messages';
import type { Inputs } from './inputs';

/** Not opened: `message` says why; `anyway` is set when the user may still choose to open it. */
export type LinkOutcome =
  { ok: true; inputs: Inputs } | { ok: false; message: string; anyway?: LinkParts };

/** A decode that has not answered after this long is stopped (bounded decoding takes far less). */
export const LINK_TIME_LIMIT_MS = 15_000;

const KEPT = 'The inputs you had are kept.';

/** The subset of Worker used here, so tests can give a fake one. */
export interface LinkWorker {
  postMessage(parts: LinkParts): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<DecodedLink>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export function createLinkWorker(): LinkWorker {
  return new Worker(new URL('../worker/shareLink.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as LinkWorker;
}

/** Starts decoding; `cancel` stops the worker and the result never settles. */
export function openShareLink(
  parts: LinkParts,
  create: () => LinkWorker = createLinkWorker,
  timeLimitMs = LINK_TIME_LIMIT_MS,
): { result: Promise<LinkOutcome>; cancel: () => void } {
  const worker = create();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    worker.terminate();
  };
  const result = new Promise<LinkOutcome>((resolve) => {
    const fail = (why: string) => {
      stop();
      resolve({ ok: false, message: `This share link could not be read: ${why}. ${KEPT}` });
    };
    worker.onmessage = (e) => {
      stop();
      resolve(linkOutcome(parts, e.data));
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      fail(`its reader stopped${e.message ? ` (${e.message})` : ''}`);
    };
    timer = setTimeout(() => fail(`it took longer than ${timeLimitMs / 1000} s`), timeLimitMs);
    worker.postMessage(parts);
  });
  return { result, cancel: stop };
}

/**
 * A link this short, whose parts each expand within as many characters, is read on the page's thread
 * at once (a few milliseconds at most): no worker to start before the first answer. Anything else
 * (longer, broken, a possible bomb) goes to a worker of its own, as `openShareLink` does.
 */
export const QUICK_LINK_CHARS = 64 * 1024;

/** A link being read; `now` holds its inputs when it was read at once. */
export type LinkReading = ReturnType<typeof openShareLink> & { now?: Inputs };

/** Reads a short link at once, else starts decoding it in a worker. */
export function readShareLink(
  parts: LinkParts,
  open: (parts: LinkParts) => ReturnType<typeof openShareLink> = openShareLink,
): LinkReading {
  const length =
    (parts.policy?.length ?? 0) + (parts.unused?.length ?? 0) + (parts.keep?.length ?? 0);
  if (!parts.anyway && length <= QUICK_LINK_CHARS) {
    const decoded = decodeShareLink(parts, QUICK_LINK_CHARS);
    const outcome = linkOutcome(parts, decoded);
    if (outcome.ok)
      return { result: Promise.resolve(outcome), cancel: () => {}, now: outcome.inputs };
  }
  return open(parts);
}

/**
 * The link's inputs when every part decodes; otherwise a message naming each part that is broken
 * or, when none is, each that expands like a bomb (which the user may then open all the same).
 */
export function linkOutcome(parts: LinkParts, decoded: DecodedLink): LinkOutcome {
  const { policy, unused, used, keep } = decoded;
  if (policy.ok && unused.ok && keep.ok)
    return {
      ok: true,
      inputs: { policy: policy.text, unused: unused.text, used, keep: keep.text },
    };
  const named = (pick: (name: string, part: DecodedPart) => string | null) =>
    [pick('policy', policy), pick('unused', unused), pick('keep', keep)]
      .filter((s) => s !== null)
      .join('; and ');
  const broken = named((name, part) =>
    part.ok || part.problem === 'bomb' ? null : `its ${name}= part ${problem(name, part)}`,
  );
  if (broken)
    return {
      ok: false,
      message: `This share link is broken and was not opened: ${broken}. ${KEPT}`,
    };
  const bombs = named((name, part) =>
    !part.ok && part.problem === 'bomb'
      ? `its ${name}= part is ${figure(part.encodedChars)} characters long and expands to ${figure(part.chars)}, ${figure(Math.round(part.chars / part.encodedChars))} times as many`
      : null,
  );
  return {
    ok: false,
    anyway: { ...parts, anyway: true },
    message: `This share link was not opened: ${bombs}. Policies compress 5 to 20 times; this looks like a decompression bomb, and opening it can freeze this page for a while. ${KEPT}`,
  };
}

const READ: Record<string, string> = {
  policy: 'policy',
  unused: 'list of unused permissions',
  keep: 'keep list',
};

function problem(name: string, d: Exclude<DecodedPart, { ok: true } | { problem: 'bomb' }>) {
  switch (d.problem) {
    case 'damaged':
      return `is damaged at character ${figure(d.at + 1)} (the link was altered or mistyped)`;
    case 'cut-short':
      return `is cut short after ${figure(d.at)} characters (the link was truncated when it was copied)`;
    case 'too-long':
      return `expands past ${d.limit / 1048576} MB, the largest ${READ[name] ?? name} the refiner reads`;
  }
}
