// What the shapes mean, and the rule in one sentence.
import type { ReactNode } from 'react';
import { RULE_CAPTION } from './explanation';
import { RADIUS, type Palette } from './palette';
import { crossPath, diamondPath, squareAt } from './TrieNodeGlyph';

function Swatch(props: { children: ReactNode }) {
  return (
    <svg width={28} height={28} viewBox="-14 -14 28 28" aria-hidden="true">
      {props.children}
    </svg>
  );
}

const r = RADIUS;
const diamond = diamondPath(r);

/** `keeping`: the trie offers the one-click keep chips. */
export function TrieLegend({
  palette: c,
  keeping = false,
}: {
  palette: Palette;
  keeping?: boolean;
}) {
  return (
    <figure className="trie-legend" data-testid="trie-legend">
      <ul className="trie-legend__items">
        <li>
          <Swatch>
            <circle r={r} fill={c.safeFill} stroke={c.safeStroke} strokeWidth={1.5} />
          </Swatch>
          Safe: everything under it stays allowed
        </li>
        <li>
          <Swatch>
            <path
              d={diamond}
              fill={c.unsafeFill}
              stroke={c.unsafeStroke}
              strokeWidth={1.5}
              strokeDasharray="4 2"
            />
          </Swatch>
          Unsafe: covers an unused action
        </li>
        <li>
          <Swatch>
            <circle r={r} fill={c.safeFill} stroke={c.safeStroke} strokeWidth={4} />
          </Swatch>
          Written into the recommendation (thick outline)
        </li>
        <li>
          <Swatch>
            <path d={diamond} fill={c.unsafeFill} stroke={c.unsafeStroke} />
            <path d={crossPath(r)} stroke={c.unusedMark} strokeWidth={2.5} />
          </Swatch>
          Unused action
        </li>
        <li>
          <Swatch>
            <rect {...squareAt(r)} fill={c.safeFill} stroke={c.safeStroke} strokeWidth={4} />
          </Swatch>
          Kept on purpose (the keep list, or a what-if mark)
        </li>
        {keeping && (
          <li>
            <span className="trie-legend__chip">keep</span>
            on an unused leaf adds it to the keep list;{' '}
            <span className="trie-legend__chip">un-keep</span> takes it off (or press K on the tree)
          </li>
        )}
      </ul>
      <figcaption className="trie-legend__caption" data-testid="trie-caption">
        {RULE_CAPTION}
      </figcaption>
    </figure>
  );
}
