// Colours and sizes of the drawing, written as SVG attributes (not CSS) so an exported SVG stands
// alone. Safe and unsafe also differ in shape and stroke, not only in colour.
export const PALETTE = {
  safeFill: '#d8f3dc',
  safeStroke: '#1b7f3b',
  unsafeFill: '#ffe5cc',
  unsafeStroke: '#b54708',
  pendingFill: '#eef0f3',
  pendingStroke: '#8a94a3',
  unusedMark: '#b42318',
  link: '#a9b1bc',
  text: '#1f2328',
  muted: '#57606a',
  written: '#0b3d91',
  current: '#6f42c1',
} as const;

/** Vertical distance between siblings and horizontal distance between depths. */
export const ROW = 40;
export const COLUMN = 230;
export const RADIUS = 9;
/** Tokens longer than this are cut in the drawing (the full text is in the label and the panel). */
export const MAX_TOKEN = 26;

export const SVG_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
