// A share link's parts (policy, unused permissions, keep list), decoded within the sizes the refiner reads. This runs in a worker of its
// own (shareLink.worker.ts): even bounded, a link near the limits takes longer than a frame to expand.
import { MAX_FINDINGS_CHARS, MAX_KEEP_CHARS, MAX_POLICY_CHARS } from '../core';
import { decompressFromEncodedURIComponent, type Decompressed } from './lzString';

/**
 * The still-encoded values of `#policy=...&unused=...&used=1&keep=...`; a part the link lacks is
 * undefined.
 */
export interface LinkParts {
  policy?: string;
  unused?: string;
  used: boolean;
  keep?: string;
  /** Open parts that expand like a bomb all the same: the user asked for them. */
  anyway?: boolean;
}

/**
 * A part that expands past this size and this many times its length is held back unless asked for:
 * policies compress 5 to 20 times in a link, while a bomb that stays within the size limits (10 M
 * characters from 8 KB) would still freeze the page's editors for seconds. Its text stays here.
 */
export const BOMB_CHARS = 1024 * 1024;
export const BOMB_RATIO = 100;

export type DecodedPart =
  Decompressed | { ok: false; problem: 'bomb'; chars: number; encodedChars: number };

export interface DecodedLink {
  policy: DecodedPart;
  unused: DecodedPart;
  used: boolean;
  keep: DecodedPart;
}

/** `within`: a tighter bound on each part's size than the refiner's own (a part past it is too long). */
export function decodeShareLink(parts: LinkParts, within = Infinity): DecodedLink {
  const anyway = parts.anyway === true;
  return {
    policy: decodePart(parts.policy, Math.min(MAX_POLICY_CHARS, within), anyway),
    unused: decodePart(parts.unused, Math.min(MAX_FINDINGS_CHARS, within), anyway),
    used: parts.used,
    keep: decodePart(parts.keep, Math.min(MAX_KEEP_CHARS, within), anyway),
  };
}

function decodePart(encoded: string | undefined, maxChars: number, anyway: boolean): DecodedPart {
  // A link may carry one input only; the others are then empty.
  if (encoded === undefined || encoded === '') return { ok: true, text: '' };
  let text = encoded;
  // Some chat and mail programs percent-encode `$` or `+`; a `%` left undecoded is reported where it is.
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      /* kept as it is */
    }
  }
  const decoded = decompressFromEncodedURIComponent(text, maxChars);
  if (
    !anyway &&
    decoded.ok &&
    decoded.text.length > BOMB_CHARS &&
    decoded.text.length > BOMB_RATIO * encoded.length
  )
    return { ok: false, problem: 'bomb', chars: decoded.text.length, encodedChars: encoded.length };
  return decoded;
}
