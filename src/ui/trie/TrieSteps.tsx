// The controls and the narration of the step-through replay.
import type { Step } from './steps';

export interface TrieStepsProps {
  steps: readonly Step[];
  step: number;
  playing: boolean;
  /** Which form the recommendation writes the result in, said at the last step. */
  form?: string;
  onGo: (step: number) => void;
  onPlay: (playing: boolean) => void;
  onExit: () => void;
}

export function TrieSteps({ steps, step, playing, form, onGo, onPlay, onExit }: TrieStepsProps) {
  const last = steps.length - 1;
  return (
    <section className="trie-steps" aria-label="Step through the rule" data-testid="trie-steps">
      <div className="trie-steps__controls">
        <button type="button" onClick={() => onGo(step - 1)} disabled={step <= 0}>
          Prev
        </button>
        <button
          type="button"
          onClick={() => onPlay(!playing)}
          disabled={!playing && step >= last}
          aria-pressed={playing}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => onGo(step + 1)} disabled={step >= last}>
          Next
        </button>
        <span className="trie-steps__count">{`Step ${step + 1} of ${steps.length}`}</span>
        <button type="button" onClick={onExit}>
          Leave step-through
        </button>
      </div>
      <p className="trie-steps__narration" data-testid="trie-narration" aria-live="polite">
        {steps[step]?.narration}
        {form && step === last ? ` ${form}` : ''}
      </p>
    </section>
  );
}
