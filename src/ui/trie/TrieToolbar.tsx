// The trie view's controls: find, collapse and expand, export, step through, what if, and the
// comparison with characters. A control whose handler is null is not offered.
import { TrieSearch } from './TrieSearch';
import type { TrieModel } from './model';

export interface TrieToolbarProps {
  model: TrieModel;
  onPick: (index: number) => void;
  onCollapseAll: () => void;
  onExpandAll: () => void;
  /** Null while nothing can be drawn. */
  onExport: (() => void) | null;
  /** Null while stepping through. */
  onStepThrough: (() => void) | null;
  /** Whether what-if is on; null when the page offers no what-if. */
  whatIf: boolean | null;
  onWhatIf: () => void;
  /** Whether the comparison is shown; null when there is none to show. */
  showChar: boolean | null;
  onShowChar: (on: boolean) => void;
}

export function TrieToolbar(p: TrieToolbarProps) {
  return (
    <div className="trie-view__toolbar">
      <TrieSearch model={p.model} onPick={p.onPick} />
      <button type="button" onClick={p.onCollapseAll}>
        Collapse all
      </button>
      <button type="button" data-testid="trie-expand-all" onClick={p.onExpandAll}>
        Expand all
      </button>
      <button
        type="button"
        onClick={p.onExport ?? undefined}
        disabled={!p.onExport}
        data-testid="trie-export"
      >
        Export SVG
      </button>
      {p.onStepThrough && (
        <button type="button" data-testid="trie-step-start" onClick={p.onStepThrough}>
          Step through
        </button>
      )}
      {p.whatIf !== null && (
        <button
          type="button"
          data-testid="trie-what-if"
          aria-pressed={p.whatIf}
          onClick={p.onWhatIf}
        >
          What if…
        </button>
      )}
      {p.showChar !== null && (
        <label className="trie-view__toggle">
          <input
            type="checkbox"
            checked={p.showChar}
            data-testid="trie-char-toggle"
            onChange={(e) => p.onShowChar(e.currentTarget.checked)}
          />
          Compare with characters
        </label>
      )}
    </div>
  );
}
