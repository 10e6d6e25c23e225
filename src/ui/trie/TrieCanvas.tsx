// The SVG: React draws the laid-out nodes and links; d3-zoom, bound once, writes its transform
// straight onto one <g>. Only the nodes in and around the view are drawn: the window drawn is three
// views wide and tall, and panning or zooming re-renders only when the view leaves it. The open part of
// "*" has some 700 nodes of a dozen SVG elements each; styling all of them cost the first frame most.
import { select } from 'd3-selection';
import {
  zoom,
  zoomIdentity,
  type D3ZoomEvent,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3-zoom';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { nodeLabel } from './explanation';
import type { TrieLayout } from './layout';
import { isSafe, writtenOf, type TrieModel } from './model';
import { COLUMN, PALETTE, RADIUS, ROW } from './palette';
import type { StepState } from './steps';
import { TrieNodeGlyph } from './TrieNodeGlyph';

export interface TrieCanvasProps {
  model: TrieModel;
  /** Null when too many nodes are open to draw. */
  layout: TrieLayout | null;
  expanded: ReadonlySet<string>;
  selected: string | null;
  /** Step-through states, or null outside that mode. */
  stepStates: ReadonlyMap<number, StepState> | null;
  current: ReadonlySet<number>;
  /** Bring this node to the middle; a new object each time it should happen. */
  center: { index: number } | null;
  svgRef: RefObject<SVGSVGElement | null>;
  height: number;
  onSelect: (index: number) => void;
  onToggle: (index: number) => void;
  /** Draw every open node, in view or not (for the SVG export). */
  drawAll?: boolean;
}

const FALLBACK_WIDTH = 800;

/** A rectangle in layout coordinates. */
interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the view shows, in layout coordinates; null where the page cannot measure the SVG. */
function viewOf(svg: SVGSVGElement, t: ZoomTransform): Area | null {
  const w = svg.clientWidth;
  const h = svg.clientHeight;
  if (!w || !h) return null;
  return { left: -t.x / t.k, top: -t.y / t.k, right: (w - t.x) / t.k, bottom: (h - t.y) / t.k };
}

const inside = (a: Area, b: Area) =>
  a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/** The view grown by its own size on every side, and by a column and a row for the labels. */
function around(v: Area): Area {
  const w = v.right - v.left;
  const h = v.bottom - v.top;
  return {
    left: v.left - w - COLUMN,
    top: v.top - h - ROW,
    right: v.right + w + COLUMN,
    bottom: v.bottom + h + ROW,
  };
}

export function TrieCanvas(props: TrieCanvasProps) {
  const { model, layout, expanded, selected, stepStates, current, center, svgRef, height } = props;
  const gRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  // The area drawn: null for everything (where the page cannot measure), 'pending' for nothing until
  // the first transform is known. Kept in a ref too, so zoom events compare without re-binding.
  const [area, setArea] = useState<Area | null | 'pending'>('pending');
  const areaRef = useRef<Area | null | 'pending'>('pending');

  // Layout effects: the transform, and so the area drawn, are settled before the first paint.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    const g = gRef.current;
    if (!svg || !g) return;
    const size = (): [number, number] => [
      svg.clientWidth || FALLBACK_WIDTH,
      svg.clientHeight || Number(svg.getAttribute('height')) || 600,
    ];
    const behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 3])
      .extent(() => [[0, 0], size()])
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        g.setAttribute('transform', e.transform.toString());
        const view = viewOf(svg, e.transform);
        const drawn = areaRef.current;
        if (view && drawn && drawn !== 'pending' && inside(view, drawn)) return;
        areaRef.current = view && around(view);
        setArea(areaRef.current);
      });
    zoomRef.current = behavior;
    const selection = select(svg);
    selection.call(behavior);
    selection.call(behavior.transform, zoomIdentity.translate(40, size()[1] / 2));
    return () => {
      selection.on('.zoom', null);
    };
  }, [svgRef]);

  // A new trie: fit its open part to the height (never larger than life), root at the left.
  const layoutRef = useRef(layout);
  useLayoutEffect(() => {
    layoutRef.current = layout;
  }, [layout]);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    const behavior = zoomRef.current;
    const laid = layoutRef.current;
    if (!svg || !behavior || !laid) return;
    const h = svg.clientHeight || height;
    const span = laid.bounds.bottom - laid.bounds.top + 2 * ROW;
    const k = Math.max(0.5, Math.min(1, h / span));
    const middle = (laid.bounds.top + laid.bounds.bottom) / 2;
    select(svg).call(behavior.transform, zoomIdentity.translate(40, h / 2 - k * middle).scale(k));
  }, [model, svgRef, height]);

  // Each request to center is carried out once: opening or closing nodes later must not pan back.
  const centered = useRef<{ index: number } | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    const behavior = zoomRef.current;
    if (!center || centered.current === center || !svg || !behavior || !layout) return;
    const placed = layout.nodes.find((p) => p.index === center.index);
    if (!placed) return;
    centered.current = center;
    behavior.translateTo(select(svg), placed.x + 120, placed.y);
  }, [center, layout, svgRef]);

  const { trie } = model;
  const n = trie.nodes;
  const byIndex = new Map(layout?.nodes.map((p) => [p.index, p]));
  const all = props.drawAll || area === null;
  // Whether the box between two points meets the area: a node is a box of one point, and a link is
  // drawn when its box does, since it may cross the view with both ends outside.
  const meets = (from: { x: number; y: number }, to: { x: number; y: number }) =>
    all ||
    (area !== 'pending' &&
      to.x >= area.left &&
      from.x <= area.right &&
      Math.max(from.y, to.y) >= area.top &&
      Math.min(from.y, to.y) <= area.bottom);
  const shown = (p: { x: number; y: number }) => meets(p, p);
  const drawn = layout?.nodes.filter(shown) ?? [];
  return (
    <svg
      ref={svgRef}
      className="trie-canvas"
      data-testid="trie-svg"
      data-open={layout?.nodes.length ?? 0}
      data-drawn={drawn.length}
      width="100%"
      height={height}
      role="group"
      aria-label={`Trie of ${trie.pattern}`}
    >
      <g ref={gRef} data-zoom="">
        {layout && (
          <g className="trie-links" fill="none" stroke={PALETTE.link} strokeWidth={1.2}>
            {layout.nodes.map((p) => {
              const parent = byIndex.get(p.parent);
              if (!parent || !meets(parent, p)) return null;
              // Straight under the parent's label, then a curve: the fan never crosses the text.
              const fork = parent.x + COLUMN * 0.7;
              const mx = (fork + p.x) / 2;
              return (
                <path
                  key={n.prefix[p.index]}
                  d={`M${parent.x + RADIUS},${parent.y}H${fork}C${mx},${parent.y} ${mx},${p.y} ${p.x - RADIUS},${p.y}`}
                />
              );
            })}
          </g>
        )}
        {drawn.map((p) => {
          const i = p.index;
          const a = n.action[i];
          const prefix = n.prefix[i];
          return (
            <TrieNodeGlyph
              key={prefix}
              index={i}
              prefix={prefix}
              token={n.token[i]}
              covered={n.end[i] - n.first[i]}
              unused={n.unused[i]}
              safe={isSafe(trie, i)}
              written={writtenOf(trie, i)}
              unusedAction={a >= 0 && trie.actions.unused[a] === 1}
              hasChildren={model.children[i].length > 0}
              expanded={expanded.has(prefix)}
              x={p.x}
              y={p.y}
              selected={selected === prefix}
              step={stepStates ? (stepStates.get(i) ?? null) : undefined}
              current={current.has(i)}
              label={nodeLabel(trie, i)}
              onSelect={props.onSelect}
              onToggle={props.onToggle}
            />
          );
        })}
      </g>
    </svg>
  );
}
