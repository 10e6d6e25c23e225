// One node of the drawing, a treeitem of the trie: shape by safety (circle safe, dashed diamond
// unsafe, square kept on purpose), a thick outline when written, a cross on unused actions, the
// token and its counts, and on a leaf that can be kept or let go, a chip that does it in one click.
// Memoized: props are plain values. Keyboard focus stays on the tree (aria-activedescendant).
import { memo } from 'react';
import { CHIP_PAD, chipX, textWidth, type NodeLines } from './labels';
import { TrieRowFrame } from './TrieRowFrame';
import { COUNT_FONT, LABEL_X, RADIUS, TOKEN_FONT, type Palette } from './palette';
import type { Mark } from './rows';
import type { StepState } from './steps';

export interface TrieNodeGlyphProps {
  id: string;
  index: number;
  prefix: string;
  lines: NodeLines;
  /** What a screen reader hears: the visible text first. */
  label: string;
  safe: boolean;
  /** The node is an action, and that action is unused. */
  unusedAction: boolean;
  /** Reported unused but kept on purpose (the keep list): a square, its own kind of leaf. */
  keptOnPurpose?: boolean;
  /** Marked used, unused or kept by hand (what if), overriding the findings. */
  override?: Mark;
  hasChildren: boolean;
  expanded: boolean;
  x: number;
  y: number;
  level: number;
  position: number;
  siblings: number;
  selected: boolean;
  /** The node the arrow keys are on. */
  active: boolean;
  /** In step-through mode: the node's state so far (null: not reached yet); undefined otherwise. */
  step?: StepState | null;
  current: boolean;
  palette: Palette;
  onClick: (index: number) => void;
  onToggle: (index: number) => void;
  /** The chip (`lines.chip`) was clicked. */
  onChip?: (index: number) => void;
}

interface Look {
  shape: 'circle' | 'diamond' | 'square';
  fill: string;
  stroke: string;
  dashed: boolean;
  thick: boolean;
  cross: boolean;
  faded: boolean;
}

function look(p: TrieNodeGlyphProps): Look {
  const c = p.palette;
  const safeLook = { shape: 'circle', fill: c.safeFill, stroke: c.safeStroke } as const;
  const unsafeLook = { shape: 'diamond', fill: c.unsafeFill, stroke: c.unsafeStroke } as const;
  const written = p.lines.written !== null;
  if (p.step === undefined)
    return {
      ...(p.safe ? safeLook : unsafeLook),
      ...(p.keptOnPurpose ? { shape: 'square' as const } : {}),
      dashed: !p.safe,
      thick: written,
      cross: p.unusedAction,
      faded: false,
    };
  if (p.step === null)
    return {
      shape: 'circle',
      fill: c.pendingFill,
      stroke: c.pendingStroke,
      dashed: false,
      thick: false,
      cross: false,
      faded: false,
    };
  const safe = p.step === 'safe' || ((p.step === 'written' || p.step === 'covered') && p.safe);
  return {
    ...(safe ? safeLook : unsafeLook),
    dashed: !safe,
    thick: p.step === 'written',
    // Once reached, an unused action keeps its cross whatever the frontier walk does with it.
    cross: p.unusedAction,
    faded: p.step === 'skipped' || (p.step === 'covered' && p.safe),
  };
}

export const diamondPath = (r: number) => `M0,${-r - 2}L${r + 2},0L0,${r + 2}L${-r - 2},0Z`;
/** The square of an action kept on purpose. */
export const squareAt = (r: number) => ({ x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 2 });
export const crossPath = (r: number) =>
  `M${-r / 2},${-r / 2}L${r / 2},${r / 2}M${r / 2},${-r / 2}L${-r / 2},${r / 2}`;

function TrieNodeGlyphImpl(p: TrieNodeGlyphProps) {
  const l = look(p);
  const c = p.palette;
  const r = RADIUS;
  const strokeWidth = l.thick ? 4 : 1.5;
  const showWritten = p.lines.written !== null && (p.step === undefined || p.step === 'written');
  return (
    <g transform={`translate(${p.x},${p.y})`} opacity={l.faded ? 0.55 : 1}>
      <g
        id={p.id}
        className={`trie-node${p.selected ? ' is-selected' : ''}${p.current ? ' is-current' : ''}${p.active ? ' is-active' : ''}`}
        data-testid="trie-node"
        data-prefix={p.prefix}
        data-safe={String(p.safe)}
        data-written={String(p.lines.written !== null)}
        data-entry={p.lines.written ?? undefined}
        data-unused-action={p.unusedAction ? 'true' : undefined}
        data-override={p.override}
        data-kept={p.keptOnPurpose ? 'true' : undefined}
        data-step={p.step === undefined ? undefined : (p.step ?? 'pending')}
        role="treeitem"
        aria-label={p.label}
        aria-level={p.level}
        aria-posinset={p.position}
        aria-setsize={p.siblings}
        aria-expanded={p.hasChildren ? p.expanded : undefined}
        aria-selected={p.selected}
        onClick={() => p.onClick(p.index)}
      >
        <TrieRowFrame lines={p.lines} ring={c.current} />
        {(p.selected || p.current) && (
          <circle
            r={r + 6}
            fill="none"
            stroke={p.current ? c.current : c.written}
            strokeWidth={2}
            strokeDasharray={p.current ? '3 2' : undefined}
          />
        )}
        {l.shape === 'square' ? (
          <rect {...squareAt(r)} fill={l.fill} stroke={l.stroke} strokeWidth={strokeWidth} />
        ) : l.shape === 'circle' ? (
          <circle
            r={r}
            fill={l.fill}
            stroke={l.stroke}
            strokeWidth={strokeWidth}
            strokeDasharray={l.dashed ? '4 2' : undefined}
          />
        ) : (
          <path
            d={diamondPath(r)}
            fill={l.fill}
            stroke={l.stroke}
            strokeWidth={strokeWidth}
            strokeDasharray={l.dashed && !l.thick ? '4 2' : undefined}
          />
        )}
        {l.cross && <path d={crossPath(r)} stroke={c.unusedMark} strokeWidth={2.5} />}
        <text
          className="trie-token"
          x={LABEL_X}
          y={-5}
          fill={c.text}
          fontSize={TOKEN_FONT}
          fontWeight={showWritten ? 700 : 400}
          textDecoration={l.cross ? 'line-through' : undefined}
        >
          {`${p.lines.token} `}
        </text>
        <text className="trie-counts" x={LABEL_X} y={15} fill={c.muted} fontSize={COUNT_FONT}>
          {p.lines.counts}
          {showWritten && (
            <tspan fill={c.written} fontWeight={700}>{`  → ${p.lines.written}`}</tspan>
          )}
        </text>
      </g>
      {p.lines.chip && p.step === undefined && (
        // Beside the treeitem, like the toggle, so it is no part of the node's name; pointer only:
        // the keyboard has K on the tree, and the details panel a button.
        <g
          className="trie-chip"
          data-testid="trie-keep-chip"
          data-prefix={p.prefix}
          aria-hidden="true"
          transform={`translate(${LABEL_X + chipX(p.lines)},${15 - COUNT_FONT + 1})`}
          onClick={() => p.onChip?.(p.index)}
        >
          <rect
            x={0}
            y={-3}
            width={2 * CHIP_PAD + textWidth(p.lines.chip, COUNT_FONT, true)}
            height={COUNT_FONT + 6}
            rx={4}
            fill={c.toggleFill}
            stroke={c.written}
          />
          <text
            x={CHIP_PAD}
            y={COUNT_FONT - 1}
            fill={c.written}
            fontSize={COUNT_FONT}
            fontWeight={700}
          >
            {p.lines.chip}
          </text>
        </g>
      )}
      {p.hasChildren && (
        // Pointer only: the keyboard opens and closes nodes with the arrow keys on the tree.
        <g
          className="trie-toggle"
          data-toggle=""
          data-testid="trie-toggle"
          data-prefix={p.prefix}
          aria-hidden="true"
          transform={`translate(${r + 11},0)`}
          onClick={() => p.onToggle(p.index)}
        >
          <rect x={-7} y={-7} width={14} height={14} rx={2} fill={c.toggleFill} stroke={c.muted} />
          <path d={p.expanded ? 'M-4,0H4' : 'M-4,0H4M0,-4V4'} stroke={c.text} strokeWidth={1.5} />
        </g>
      )}
    </g>
  );
}

export const TrieNodeGlyph = memo(TrieNodeGlyphImpl);
