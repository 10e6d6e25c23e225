// The text drawn beside each node, and its width, measured once per string with the drawing's font:
// the layout spaces the columns by what is actually written, so no two labels can meet.
import { figure, plural } from '../../core/messages';
import { COUNT_FONT, SVG_FONT, TOKEN_FONT } from './palette';

export interface NodeLines {
  /** The word, cut when very long. */
  token: string;
  /** `16 actions · 14 unused`, then `→ s3:GetMulti*` when the node is written. */
  counts: string;
  written: string | null;
  /** Bold: the node is written into the recommendation. */
  strong: boolean;
  /** The one-click control after the counts (`keep`, `un-keep`), when the row has one. */
  chip?: string | null;
}

/** Room between the counts (or the written entry) and the chip, and around the chip's text. */
export const CHIP_GAP = 10;
export const CHIP_PAD = 6;

export function countsText(covered: number, unused: number, mark?: string): string {
  const head =
    covered === 1
      ? unused === 1
        ? '1 action, unused'
        : '1 action, kept'
      : `${plural(covered, 'action')} · ${figure(unused)} unused`;
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

/** Where the chip starts on the counts line, from the start of the label. */
export function chipX(lines: NodeLines): number {
  return countsWidth(lines) + CHIP_GAP;
}

function countsWidth(lines: NodeLines): number {
  return (
    textWidth(lines.counts, COUNT_FONT) +
    (lines.written ? textWidth(`  → ${lines.written}`, COUNT_FONT, true) : 0)
  );
}

/** The width of a node's two lines, whichever is longer. */
export function linesWidth(lines: NodeLines): number {
  const chip = lines.chip ? CHIP_GAP + 2 * CHIP_PAD + textWidth(lines.chip, COUNT_FONT, true) : 0;
  return Math.max(textWidth(lines.token, TOKEN_FONT, lines.strong), countsWidth(lines) + chip);
}
