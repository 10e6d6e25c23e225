// The view onto the drawing, in layout coordinates: what is in view, the window drawn around it,
// the canvas height for a layout, and the transform that fits a tree to the canvas.
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { PlacedNode, TrieLayout } from './layout';
import type { TrieModel } from './model';
import { READABLE_SCALE, ROW } from './palette';

export const FALLBACK_WIDTH = 800;
/** Room left of the root and around the tree when it is fitted. */
export const MARGIN = 28;
/** The canvas grows with the tree between these heights (the upper one also bounded by the window). */
const MIN_HEIGHT = 320;
const MAX_HEIGHT = 760;
export const ZOOM_STEP = 1.3;

/** The key of a row: the node's prefix, or `fold:` and the prefix of the node it folds. */
export function itemKey(model: TrieModel, p: Pick<PlacedNode, 'index' | 'foldOf'>): string {
  return p.index >= 0
    ? model.trie.nodes.prefix[p.index]
    : `fold:${model.trie.nodes.prefix[p.foldOf]}`;
}

export const rowId = (base: string, p: Pick<PlacedNode, 'index' | 'foldOf'>) =>
  p.index >= 0 ? `${base}-n${p.index}` : `${base}-f${p.foldOf}`;

/** A rectangle in layout coordinates. */
export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the view shows, in layout coordinates; null where the page cannot measure the SVG. */
export function viewOf(svg: SVGSVGElement, t: ZoomTransform): Area | null {
  const w = svg.clientWidth;
  const h = svg.clientHeight;
  if (!w || !h) return null;
  return { left: -t.x / t.k, top: -t.y / t.k, right: (w - t.x) / t.k, bottom: (h - t.y) / t.k };
}

export const inside = (a: Area, b: Area) =>
  a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/** The view grown by its own size on every side, and by a column and a row for the labels. */
export function around(v: Area): Area {
  const w = v.right - v.left;
  const h = v.bottom - v.top;
  return {
    left: v.left - w - 400,
    top: v.top - h - ROW,
    right: v.right + w + 400,
    bottom: v.bottom + h + ROW,
  };
}

/** The canvas height for a layout: the tree at scale 1, within bounds. */
export function canvasHeight(layout: TrieLayout | null, windowHeight: number): number {
  const span = layout ? layout.bounds.bottom - layout.bounds.top + 2 * ROW : MIN_HEIGHT;
  return Math.round(Math.max(MIN_HEIGHT, Math.min(span, MAX_HEIGHT, windowHeight * 0.8)));
}

/**
 * The transform that fits the tree in a view of w × h: as large as fits (up to 1.25), never below
 * the readable scale when `readable`; a tree taller than the view shows its top first.
 */
export function fitTransform(
  bounds: TrieLayout['bounds'],
  w: number,
  h: number,
  readable: boolean,
) {
  const tw = bounds.right - bounds.left + 2 * MARGIN;
  const th = bounds.bottom - bounds.top + 2 * ROW;
  let k = Math.min(w / tw, h / th, 1.25);
  if (readable) k = Math.max(k, READABLE_SCALE);
  const x = Math.max(MARGIN * k, (w - k * (bounds.right - bounds.left)) / 2);
  const y = k * th <= h ? h / 2 - (k * (bounds.top + bounds.bottom)) / 2 : k * ROW - k * bounds.top;
  return zoomIdentity.translate(x, y).scale(k);
}
