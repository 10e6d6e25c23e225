// What the shapes mean, and the rule in one sentence.
import type { ReactNode } from 'react';
import { RULE_CAPTION } from './explanation';
import { PALETTE, RADIUS } from './palette';

function Swatch(props: { children: ReactNode }) {
  return (
    <svg width={26} height={26} viewBox="-13 -13 26 26" aria-hidden="true">
      {props.children}
    </svg>
  );
}

const r = RADIUS;
const diamond = `M0,${-r - 2}L${r + 2},0L0,${r + 2}L${-r - 2},0Z`;

export function TrieLegend() {
  return (
    <figure className="trie-legend" data-testid="trie-legend">
      <ul className="trie-legend__items">
        <li>
          <Swatch>
            <circle r={r} fill={PALETTE.safeFill} stroke={PALETTE.safeStroke} strokeWidth={1.5} />
          </Swatch>
          Safe: everything under it stays allowed
        </li>
        <li>
          <Swatch>
            <path
              d={diamond}
              fill={PALETTE.unsafeFill}
              stroke={PALETTE.unsafeStroke}
              strokeWidth={1.5}
              strokeDasharray="4 2"
            />
          </Swatch>
          Unsafe: covers an unused action
        </li>
        <li>
          <Swatch>
            <circle r={r} fill={PALETTE.safeFill} stroke={PALETTE.safeStroke} strokeWidth={4} />
          </Swatch>
          Written into the recommendation (thick outline)
        </li>
        <li>
          <Swatch>
            <path d={diamond} fill={PALETTE.unsafeFill} stroke={PALETTE.unsafeStroke} />
            <path
              d={`M${-r / 2},${-r / 2}L${r / 2},${r / 2}M${r / 2},${-r / 2}L${-r / 2},${r / 2}`}
              stroke={PALETTE.unusedMark}
              strokeWidth={2.5}
            />
          </Swatch>
          Unused action
        </li>
      </ul>
      <figcaption className="trie-legend__caption" data-testid="trie-caption">
        {RULE_CAPTION}
      </figcaption>
    </figure>
  );
}
