// One node of the drawing: shape by safety (circle safe, dashed diamond unsafe), a thick outline when
// written, a cross on unused actions, the token and its counts. Memoized: props are plain values.
import { memo, type KeyboardEvent } from 'react';
import { MAX_TOKEN, PALETTE, RADIUS } from './palette';
import type { StepState } from './steps';

export interface TrieNodeGlyphProps {
  index: number;
  prefix: string;
  token: string;
  covered: number;
  unused: number;
  safe: boolean;
  written: string | null;
  /** The node is an action, and that action is unused. */
  unusedAction: boolean;
  hasChildren: boolean;
  expanded: boolean;
  x: number;
  y: number;
  selected: boolean;
  /** In step-through mode: the node's state so far (null: not reached yet); undefined otherwise. */
  step?: StepState | null;
  current: boolean;
  label: string;
  onSelect: (index: number) => void;
  onToggle: (index: number) => void;
}

interface Look {
  shape: 'circle' | 'diamond';
  fill: string;
  stroke: string;
  dashed: boolean;
  thick: boolean;
  cross: boolean;
  faded: boolean;
}

function look(p: TrieNodeGlyphProps): Look {
  const safeLook = { shape: 'circle', fill: PALETTE.safeFill, stroke: PALETTE.safeStroke } as const;
  const unsafeLook = {
    shape: 'diamond',
    fill: PALETTE.unsafeFill,
    stroke: PALETTE.unsafeStroke,
  } as const;
  if (p.step === undefined)
    return {
      ...(p.safe ? safeLook : unsafeLook),
      dashed: !p.safe,
      thick: p.written !== null,
      cross: p.unusedAction,
      faded: false,
    };
  if (p.step === null)
    return {
      shape: 'circle',
      fill: PALETTE.pendingFill,
      stroke: PALETTE.pendingStroke,
      dashed: false,
      thick: false,
      cross: false,
      faded: false,
    };
  const safe = p.step === 'safe' || (p.step === 'written' && p.safe);
  return {
    ...(safe ? safeLook : unsafeLook),
    dashed: !safe,
    thick: p.step === 'written',
    // Once reached, an unused action keeps its cross whatever the frontier walk does with it.
    cross: p.unusedAction,
    faded: p.step === 'skipped',
  };
}

function short(token: string): string {
  return token.length > MAX_TOKEN ? `${token.slice(0, MAX_TOKEN - 1)}…` : token;
}

function TrieNodeGlyphImpl(p: TrieNodeGlyphProps) {
  const l = look(p);
  const r = RADIUS;
  const strokeWidth = l.thick ? 4 : 1.5;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      p.onSelect(p.index);
    } else if (p.hasChildren && (e.key === '+' || e.key === 'ArrowRight') && !p.expanded) {
      e.preventDefault();
      p.onToggle(p.index);
    } else if (p.hasChildren && (e.key === '-' || e.key === 'ArrowLeft') && p.expanded) {
      e.preventDefault();
      p.onToggle(p.index);
    }
  };
  const showWritten = p.written !== null && (p.step === undefined || p.step === 'written');
  return (
    <g transform={`translate(${p.x},${p.y})`} opacity={l.faded ? 0.55 : 1}>
      <g
        className={`trie-node${p.selected ? ' is-selected' : ''}${p.current ? ' is-current' : ''}`}
        data-testid="trie-node"
        data-prefix={p.prefix}
        data-safe={String(p.safe)}
        data-written={String(p.written !== null)}
        data-entry={p.written ?? undefined}
        data-unused-action={p.unusedAction ? 'true' : undefined}
        data-step={p.step === undefined ? undefined : (p.step ?? 'pending')}
        role="button"
        tabIndex={0}
        aria-label={p.label}
        aria-pressed={p.selected}
        onClick={() => p.onSelect(p.index)}
        onKeyDown={onKeyDown}
      >
        <title>{p.label}</title>
        {(p.selected || p.current) && (
          <circle
            r={r + 7}
            fill="none"
            stroke={p.current ? PALETTE.current : PALETTE.written}
            strokeWidth={2}
            strokeDasharray={p.current ? '3 2' : undefined}
          />
        )}
        {l.shape === 'circle' ? (
          <circle
            r={r}
            fill={l.fill}
            stroke={l.stroke}
            strokeWidth={strokeWidth}
            strokeDasharray={l.dashed ? '4 2' : undefined}
          />
        ) : (
          <path
            d={`M0,${-r - 2}L${r + 2},0L0,${r + 2}L${-r - 2},0Z`}
            fill={l.fill}
            stroke={l.stroke}
            strokeWidth={strokeWidth}
            strokeDasharray={l.dashed && !l.thick ? '4 2' : undefined}
          />
        )}
        {l.cross && (
          <path
            d={`M${-r / 2},${-r / 2}L${r / 2},${r / 2}M${r / 2},${-r / 2}L${-r / 2},${r / 2}`}
            stroke={PALETTE.unusedMark}
            strokeWidth={2.5}
          />
        )}
        <text
          className="trie-token"
          x={r + 20}
          y={-2}
          fill={PALETTE.text}
          fontSize={13}
          fontWeight={showWritten ? 700 : 400}
          textDecoration={l.cross ? 'line-through' : undefined}
        >
          {short(p.token)}
        </text>
        <text className="trie-counts" x={r + 20} y={12} fill={PALETTE.muted} fontSize={10}>
          {`${p.covered.toLocaleString('en-US')} · ${p.unused.toLocaleString('en-US')} unused`}
          {showWritten && (
            <tspan fill={PALETTE.written} fontWeight={700}>{`  → ${p.written}`}</tspan>
          )}
        </text>
      </g>
      {p.hasChildren && (
        <g
          className="trie-toggle"
          data-toggle=""
          data-testid="trie-toggle"
          data-prefix={p.prefix}
          role="button"
          tabIndex={0}
          aria-label={`${p.expanded ? 'Collapse' : 'Expand'} ${p.token}`}
          aria-expanded={p.expanded}
          transform={`translate(${r + 9},0)`}
          onClick={() => p.onToggle(p.index)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              p.onToggle(p.index);
            }
          }}
        >
          <rect x={-5} y={-5} width={10} height={10} rx={2} fill="#fff" stroke={PALETTE.muted} />
          <path
            d={p.expanded ? 'M-3,0H3' : 'M-3,0H3M0,-3V3'}
            stroke={PALETTE.text}
            strokeWidth={1.5}
          />
        </g>
      )}
    </g>
  );
}

export const TrieNodeGlyph = memo(TrieNodeGlyphImpl);
