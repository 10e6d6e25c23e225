// The share link in the address bar, at start and whenever the fragment changes: decoded off the
// page's thread, loaded when it decodes, otherwise reported with the inputs left as they were.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkParts } from '../worker/shareLink';
import { linkParts, type Inputs } from './inputs';
import { openShareLink, type LinkReading } from './shareLink';

export interface ShareLinkState {
  /** A link is being decoded: the page holds its first refinement until it is. */
  opening: boolean;
  /** Why the last link was not opened. */
  problem: string | null;
  dismiss: () => void;
  /** Set when the link decoded but was held back as a likely bomb: opens it all the same. */
  openAnyway: (() => void) | null;
}

/** The address's link as main.tsx found it before the page loaded, with its decoding under way. */
export interface EarlyLink {
  parts: LinkParts;
  reading: LinkReading;
}

/**
 * `revision` counts the user's edits: a link that decodes after an edit does not overwrite it.
 * `early`, the same link already being decoded, is used instead of decoding it a second time;
 * `loaded`: the page opened with its inputs already, so it is not loaded again.
 */
export function useShareLink(
  revision: number,
  load: (inputs: Inputs) => void,
  early?: EarlyLink | null,
  loaded = false,
): ShareLinkState {
  const [opening, setOpening] = useState(
    () => !(early && loaded) && linkParts(window.location.hash) !== null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [held, setHeld] = useState<LinkParts | null>(null);
  const current = useRef({ revision, load });
  useEffect(() => {
    current.current = { revision, load };
  }, [revision, load]);
  const cancel = useRef(() => {});

  const open = useCallback((parts: LinkParts, reading = openShareLink(parts)) => {
    cancel.current();
    const startedAt = current.current.revision;
    setOpening(true);
    cancel.current = reading.cancel;
    void reading.result.then((outcome) => {
      setOpening(false);
      setHeld(outcome.ok ? null : (outcome.anyway ?? null));
      if (!outcome.ok) setProblem(outcome.message);
      else if (current.current.revision !== startedAt)
        setProblem(
          'The share link was not opened: the inputs were edited while it was being read. Open the link again to load it.',
        );
      else {
        setProblem(null);
        current.current.load(outcome.inputs);
      }
    });
  }, []);

  const unused = useRef(early ?? null);
  useEffect(() => {
    const fromAddress = () => {
      const parts = linkParts(window.location.hash);
      const first = unused.current;
      unused.current = null;
      const same = first !== null && parts !== null && sameLink(first.parts, parts);
      if (same && loaded) return;
      if (parts) open(parts, same ? first.reading : undefined);
    };
    fromAddress();
    window.addEventListener('hashchange', fromAddress);
    return () => {
      window.removeEventListener('hashchange', fromAddress);
      cancel.current();
    };
  }, [open, loaded]);

  const dismiss = () => {
    setProblem(null);
    setHeld(null);
  };
  return { opening, problem, dismiss, openAnyway: held && (() => open(held)) };
}

function sameLink(a: LinkParts, b: LinkParts): boolean {
  return a.policy === b.policy && a.unused === b.unused && a.keep === b.keep && a.used === b.used;
}
