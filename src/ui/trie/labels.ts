// The text drawn beside each node, and its width, measured once per string with the drawing's font:
// the layout spaces the columns by what is actually written, so no two labels can meet.
import { COUNT_FONT, SVG_FONT, TOKEN_FONT } from './palette';
import { figure } from '../../core/numbers';

export interface NodeLines {
  /** The word, cut when very long. */
  token: string;
  /** `16 actions · 14 unused`, then `→ s3:GetMulti*` when the node is written. */
  counts: string;
  written: string | null;
  /** Bold: the node is written into the recommendation. */
  strong: boolean;
}

const n = (x: number) => figure(x);

export function countsText(covered: number, unused: number, mark?: string): string {
  const head =
    covered === 1
      ? unused === 1
        ? '1 action, unused'
        : '1 action, kept'
      : `${n(covered)} actions · ${n(unused)} unused`;
  return mark ? `${head} · ${mark}` : head;
}

/** What a screen reader hears for a node: the visible text first, then what the shapes say. */
export function spokenLabel(lines: NodeLines, safe: boolean): string {
  const shown = [lines.token, lines.counts, lines.written ? `→ ${lines.written}` : '']
    .filter(Boolean)
    .join(' ');
  return `${shown}, ${safe ? 'safe' : 'unsafe'}`;
}

let context: OffscreenCanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** Width in pixels at scale 1; estimated where the page cannot measure text (jsdom). */
export function textWidth(text: string, size: number, bold = false): number {
  const key = `${size}${bold ? 'b' : ''}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (context === undefined)
      context =
        typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
    if (context) {
      context.font = `${bold ? 700 : 400} ${size}px ${SVG_FONT}`;
      w = Math.ceil(context.measureText(text).width);
    } else w = Math.ceil(text.length * size * (bold ? 0.66 : 0.6));
    widths.set(key, w);
  }
  return w;
}

/** The width of a node's two lines, whichever is longer. */
export function linesWidth(lines: NodeLines): number {
  return Math.max(
    textWidth(lines.token, TOKEN_FONT, lines.strong),
    textWidth(lines.counts, COUNT_FONT) +
      (lines.written ? textWidth(`  → ${lines.written}`, COUNT_FONT, true) : 0),
  );
}
