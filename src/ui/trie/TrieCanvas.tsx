// The SVG, a WAI-ARIA tree: React draws the laid-out nodes and links; d3-zoom, bound once, writes its
// transform straight onto one <g>. The tree is one tab stop; the node the arrow keys are on is its
// aria-activedescendant. Only the nodes in and around the view are drawn (plus that node): the window
// drawn is three views wide and tall, and panning or zooming re-renders only when the view leaves it.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { TrieLayout } from './layout';
import { spokenLabel } from './labels';
import { isSafe, type TrieModel } from './model';
import { LINK_SPACE, RADIUS, ROW, type Palette } from './palette';
import type { StepState } from './steps';
import { TrieFoldGlyph } from './TrieFoldGlyph';
import { TrieNodeGlyph } from './TrieNodeGlyph';
import type { Mark } from './rows';
import {
  around,
  canvasHeight,
  FALLBACK_WIDTH,
  fitTransform,
  inside,
  itemKey,
  MARGIN,
  rowId,
  viewOf,
  ZOOM_STEP,
  type Area,
} from './viewport';

export interface TrieCanvasProps {
  model: TrieModel;
  /** Null when too many nodes are open to draw. */
  layout: TrieLayout | null;
  expanded: ReadonlySet<string>;
  selected: string | null;
  /** The key (`itemKey`) of the row the arrow keys are on. */
  active: string | null;
  /** Step-through states, or null outside that mode. */
  stepStates: ReadonlyMap<number, StepState> | null;
  current: ReadonlySet<number>;
  /** Bring this node to the middle; a new object each time it should happen. */
  center: { index: number } | null;
  /** Fit the open tree to the canvas; a new object each time it should happen. */
  fit: { readable: boolean } | null;
  /** Actions marked used or unused by hand, by name. */
  overrides: ReadonlyMap<string, Mark>;
  svgRef: RefObject<SVGSVGElement>;
  /** Prefix of DOM ids of the rows. */
  idBase: string;
  palette: Palette;
  onClickNode: (index: number) => void;
  onToggle: (index: number) => void;
  onUnfold: (parent: number) => void;
  /** A leaf's keep chip was clicked. */
  onChip?: (index: number) => void;
  onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => void;
  /** Draw every open node, in view or not (for the SVG export). */
  drawAll?: boolean;
}

export function TrieCanvas(props: TrieCanvasProps) {
  const { model, layout, expanded, selected, active, stepStates, current, center, svgRef } = props;
  const { palette, idBase, overrides } = props;
  const gRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  // The area drawn: null for everything (where the page cannot measure), 'pending' for nothing until
  // the first transform is known. Kept in a ref too, so zoom events compare without re-binding.
  const [area, setArea] = useState<Area | null | 'pending'>('pending');
  const areaRef = useRef<Area | null | 'pending'>('pending');
  // On a phone the canvas leaves room above and below it to scroll the page with a finger.
  const [windowHeight] = useState(() =>
    typeof window === 'undefined'
      ? 900
      : (window.innerHeight || 900) * (window.innerWidth < 900 ? 0.75 : 1),
  );
  const height = canvasHeight(layout, windowHeight);

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
        svg.dataset.scale = e.transform.k.toFixed(3);
        const view = viewOf(svg, e.transform);
        const drawn = areaRef.current;
        if (view && drawn && drawn !== 'pending' && inside(view, drawn)) return;
        areaRef.current = view && around(view);
        setArea(areaRef.current);
      });
    zoomRef.current = behavior;
    const selection = select(svg);
    selection.call(behavior);
    selection.call(behavior.transform, zoomIdentity.translate(MARGIN, size()[1] / 2));
    return () => {
      selection.on('.zoom', null);
    };
  }, [svgRef]);

  // A new trie, or the Fit button: fit the open part to the canvas.
  const layoutRef = useRef(layout);
  useLayoutEffect(() => {
    layoutRef.current = layout;
  }, [layout]);
  const fitted = useRef<object | null>(null);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    const behavior = zoomRef.current;
    const laid = layoutRef.current;
    const request = props.fit;
    if (!svg || !behavior || !laid || !request || fitted.current === request) return;
    fitted.current = request;
    const w = svg.clientWidth || FALLBACK_WIDTH;
    const h = svg.clientHeight || height;
    select(svg).call(behavior.transform, fitTransform(laid.bounds, w, h, request.readable));
  }, [props.fit, svgRef, height]);

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

  // The row the arrow keys moved to is brought into view when it is outside.
  useEffect(() => {
    const svg = svgRef.current;
    const behavior = zoomRef.current;
    if (!active || !svg || !behavior || !layout) return;
    const placed = layout.nodes.find((p) => itemKey(model, p) === active);
    const view = viewOf(svg, zoomTransform(svg));
    if (!placed || !view) return;
    const box = {
      left: placed.x - RADIUS,
      right: placed.x + 160,
      top: placed.y - ROW / 2,
      bottom: placed.y + ROW / 2,
    };
    if (!inside(box, view)) behavior.translateTo(select(svg), placed.x + 120, placed.y);
  }, [active, layout, model, svgRef]);

  // The Fit button shows the whole open tree, however small that makes it.
  const fitAll = () => {
    const svg = svgRef.current;
    const laid = layoutRef.current;
    if (!svg || !zoomRef.current || !laid) return;
    const w = svg.clientWidth || FALLBACK_WIDTH;
    select(svg).call(
      zoomRef.current.transform,
      fitTransform(laid.bounds, w, svg.clientHeight || height, false),
    );
  };
  const zoomBy = (k: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) zoomRef.current.scaleBy(select(svg), k);
  };

  const { trie } = model;
  const n = trie.nodes;
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
  const nodes = layout?.nodes ?? [];
  const drawn = nodes.filter((p) => meets(p, p) || itemKey(model, p) === active);
  const activeRow = nodes.find((p) => itemKey(model, p) === active);
  return (
    <div className="trie-canvas-frame">
      <div className="trie-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)} data-testid="trie-zoom-in">
          Zoom in
        </button>
        <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)} data-testid="trie-zoom-out">
          Zoom out
        </button>
        <button type="button" onClick={fitAll} data-testid="trie-fit">
          Fit
        </button>
      </div>
      <svg
        ref={svgRef}
        className="trie-canvas"
        data-testid="trie-svg"
        data-open={nodes.length}
        data-drawn={drawn.length}
        width="100%"
        height={height}
        role="tree"
        // Lower case: an SVG element's attributes are case-sensitive, and Preact sets an SVG
        // element's props as attributes by their names.
        tabindex={0}
        aria-label={`Trie of ${trie.pattern}: arrow keys move, Enter opens and selects,${props.onChip ? ' K keeps an unused action or lets a kept one go,' : ''} Escape closes the details`}
        aria-activedescendant={activeRow ? rowId(idBase, activeRow) : undefined}
        onKeyDown={props.onKeyDown}
        style={{ background: palette.background }}
      >
        <g ref={gRef} data-zoom="">
          {layout && (
            <g
              className="trie-links"
              pointerEvents="none"
              fill="none"
              stroke={palette.link}
              strokeWidth={1.2}
              aria-hidden="true"
            >
              {nodes.map((p, k) => {
                const parent = nodes[p.parent];
                if (!parent || !meets(parent, p)) return null;
                // Straight between the parent's two lines of text to the end of the column's
                // longest label, then a curve into the child.
                const bend = layout.columns[p.depth] - LINK_SPACE + 6;
                const mx = (bend + p.x) / 2;
                return (
                  <path
                    key={k}
                    d={`M${parent.x + RADIUS},${parent.y}H${bend}C${mx},${parent.y} ${mx},${p.y} ${p.x - RADIUS - 2},${p.y}`}
                  />
                );
              })}
            </g>
          )}
          {drawn.map((p) => {
            const key = itemKey(model, p);
            const row = {
              id: rowId(idBase, p),
              lines: p.lines,
              x: p.x,
              y: p.y,
              level: p.depth + 1,
              position: p.position,
              siblings: p.siblings,
              active: key === active,
              palette,
            };
            if (p.index < 0)
              return (
                <TrieFoldGlyph
                  key={key}
                  {...row}
                  parent={p.foldOf}
                  parentPrefix={n.prefix[p.foldOf]}
                  label={`${p.lines.token} ${p.lines.counts}, folded`}
                  onUnfold={props.onUnfold}
                />
              );
            const i = p.index;
            const a = n.action[i];
            const safe = isSafe(trie, i);
            return (
              <TrieNodeGlyph
                key={key}
                {...row}
                index={i}
                prefix={key}
                label={spokenLabel(p.lines, safe)}
                safe={safe}
                unusedAction={a >= 0 && trie.actions.unused[a] === 1}
                keptOnPurpose={a >= 0 && trie.actions.onPurpose[a] === 1}
                override={a >= 0 ? overrides.get(trie.actions.name[a].toLowerCase()) : undefined}
                hasChildren={model.children[i].length > 0}
                expanded={expanded.has(key)}
                selected={selected === key}
                step={stepStates ? (stepStates.get(i) ?? null) : undefined}
                current={current.has(i)}
                onClick={props.onClickNode}
                onToggle={props.onToggle}
                onChip={props.onChip}
              />
            );
          })}
        </g>
      </svg>
    </div>
  );
}
