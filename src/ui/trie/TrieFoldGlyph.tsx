// The row that stands for an open node's many safe children: how many, and what they are written as.
// Clicking it (or Enter on it) draws them all.
import { memo } from 'react';
import type { NodeLines } from './labels';
import { TrieRowFrame } from './TrieRowFrame';
import { COUNT_FONT, LABEL_X, RADIUS, TOKEN_FONT, type Palette } from './palette';

export interface TrieFoldGlyphProps {
  id: string;
  parent: number;
  parentPrefix: string;
  lines: NodeLines;
  label: string;
  x: number;
  y: number;
  level: number;
  position: number;
  siblings: number;
  active: boolean;
  palette: Palette;
  onUnfold: (parent: number) => void;
}

function TrieFoldGlyphImpl(p: TrieFoldGlyphProps) {
  const c = p.palette;
  const r = RADIUS;
  return (
    <g transform={`translate(${p.x},${p.y})`}>
      <g
        id={p.id}
        className={`trie-node trie-fold${p.active ? ' is-active' : ''}`}
        data-testid="trie-fold"
        data-parent={p.parentPrefix}
        role="treeitem"
        aria-label={p.label}
        aria-level={p.level}
        aria-posinset={p.position}
        aria-setsize={p.siblings}
        aria-expanded={false}
        onClick={() => p.onUnfold(p.parent)}
      >
        <TrieRowFrame lines={p.lines} ring={c.current} />
        {[-6, 0, 6].map((dy) => (
          <circle
            key={dy}
            cx={dy / 2}
            cy={dy}
            r={r - 3}
            fill={c.safeFill}
            stroke={c.safeStroke}
            strokeWidth={1.5}
          />
        ))}
        <text className="trie-token" x={LABEL_X} y={-5} fill={c.text} fontSize={TOKEN_FONT}>
          {`${p.lines.token} `}
        </text>
        <text className="trie-counts" x={LABEL_X} y={15} fill={c.muted} fontSize={COUNT_FONT}>
          {p.lines.counts}
        </text>
      </g>
    </g>
  );
}

export const TrieFoldGlyph = memo(TrieFoldGlyphImpl);
