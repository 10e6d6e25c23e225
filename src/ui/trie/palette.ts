// Colours and sizes of the drawing, written as SVG attributes (not CSS) so an exported SVG stands
// alone. Safe and unsafe also differ in shape and outline, and their strokes differ in lightness, so
// they stay apart for every kind of colour vision (test/ui/palette.test.ts simulates two).
export interface Palette {
  background: string;
  safeFill: string;
  safeStroke: string;
  unsafeFill: string;
  unsafeStroke: string;
  pendingFill: string;
  pendingStroke: string;
  unusedMark: string;
  link: string;
  text: string;
  muted: string;
  written: string;
  current: string;
  toggleFill: string;
}

export const LIGHT: Palette = {
  background: '#ffffff',
  safeFill: '#d3f0dc',
  safeStroke: '#064021',
  unsafeFill: '#ffe1c2',
  unsafeStroke: '#c75f00',
  pendingFill: '#eef0f3',
  pendingStroke: '#6e7781',
  unusedMark: '#b42318',
  link: '#8c959f',
  text: '#1f2328',
  muted: '#4d5661',
  written: '#0b3d91',
  current: '#6f42c1',
  toggleFill: '#ffffff',
};

export const DARK: Palette = {
  background: '#0d1117',
  safeFill: '#12361f',
  safeStroke: '#b4f5cb',
  unsafeFill: '#3d2308',
  unsafeStroke: '#cf5f0a',
  pendingFill: '#21262d',
  pendingStroke: '#8b949e',
  unusedMark: '#ff7b72',
  link: '#6e7681',
  text: '#e6edf3',
  muted: '#b1bac4',
  written: '#9ecbff',
  current: '#d2a8ff',
  toggleFill: '#161b22',
};

export const paletteFor = (dark: boolean): Palette => (dark ? DARK : LIGHT);

/** Font sizes at scale 1: the view never opens below READABLE_SCALE, where they are 12.75 and 11.05 px. */
export const TOKEN_FONT = 15;
export const COUNT_FONT = 13;
export const READABLE_SCALE = 0.85;

/** Vertical distance between siblings: the two lines of a label and a gap. */
export const ROW = 46;
export const RADIUS = 10;
/** From a node's centre to the start of its label (the ⊕ toggle sits in between). */
export const LABEL_X = RADIUS + 22;
/** Between the end of a column's longest label and the next column: room for the links to bend. */
export const LINK_SPACE = 56;
/** Tokens longer than this are cut in the drawing (the full text is in the label and the panel). */
export const MAX_TOKEN = 32;

export const SVG_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
