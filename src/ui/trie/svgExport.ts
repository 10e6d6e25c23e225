// The drawing as a file: a copy of the SVG with the zoom undone, a viewBox around the whole tree and
// its text style inline, so it opens anywhere on its own.
import { COUNT_FONT, ROW, SVG_FONT, TOKEN_FONT } from './palette';
import type { TrieLayout } from './layout';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function serializeTrieSvg(
  svg: SVGSVGElement,
  bounds: TrieLayout['bounds'],
  fill: string,
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const margin = ROW;
  const x = bounds.left - margin;
  const y = bounds.top - margin;
  const width = bounds.right - bounds.left + 2 * margin;
  const height = bounds.bottom - bounds.top + 2 * margin;
  copy.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  copy.removeAttribute('class');
  copy.removeAttribute('style');
  copy.removeAttribute('tabindex');
  copy.removeAttribute('aria-activedescendant');
  copy.querySelectorAll('[data-zoom]').forEach((g) => g.removeAttribute('transform'));
  // Interaction only makes sense in the page.
  copy.querySelectorAll('[tabindex]').forEach((e) => e.removeAttribute('tabindex'));
  copy.querySelectorAll('[data-toggle], .trie-chip, .trie-focus-ring').forEach((e) => e.remove());
  const style = svg.ownerDocument.createElementNS(SVG_NS, 'style');
  style.textContent = `text { font-family: ${SVG_FONT}; } .trie-token { font-size: ${TOKEN_FONT}px; } .trie-counts { font-size: ${COUNT_FONT}px; }`;
  copy.insertBefore(style, copy.firstChild);
  const background = svg.ownerDocument.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x, y, width, height, fill }))
    background.setAttribute(k, String(v));
  copy.insertBefore(background, style.nextSibling);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}
