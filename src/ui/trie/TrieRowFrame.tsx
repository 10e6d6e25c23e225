// What every row of the drawing has behind its shapes: an area that takes clicks over the whole
// label (not only the strokes of its letters), and the ring shown while the keyboard is on it.
import { linesWidth, type NodeLines } from './labels';
import { LABEL_X, RADIUS, ROW } from './palette';

export function TrieRowFrame({ lines, ring }: { lines: NodeLines; ring: string }) {
  const r = RADIUS;
  return (
    <>
      <rect
        x={-r - 4}
        y={-ROW / 2 + 3}
        width={LABEL_X + r + 4 + linesWidth(lines)}
        height={ROW - 6}
        fill="transparent"
      />
      <circle className="trie-focus-ring" r={r + 9} fill="none" stroke={ring} strokeWidth={2.5} />
    </>
  );
}
