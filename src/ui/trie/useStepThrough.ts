// The step-through replay's state: whether it is on, the step, playing on a timer, and each node's
// state so far. `show` brings a step's node into view.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrieModel } from './model';
import { algorithmSteps, statesAt } from './steps';

const PLAY_INTERVAL_MS = 1200;

export function useStepThrough(model: TrieModel, show: (node: number) => void) {
  const [stepping, setStepping] = useState(false);
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const showRef = useRef(show);
  useEffect(() => {
    showRef.current = show;
  });
  const steps = useMemo(() => (stepping ? algorithmSteps(model) : []), [model, stepping]);
  const states = useMemo(() => (stepping ? statesAt(steps, step) : null), [stepping, steps, step]);
  const current = useMemo(
    () => new Set(stepping ? (steps[step]?.marks.map(([i]) => i) ?? []) : []),
    [stepping, steps, step],
  );
  const goTo = useCallback(
    (k: number) => {
      const target = Math.max(0, Math.min(steps.length - 1, k));
      setStep(target);
      if (target >= steps.length - 1) setPlaying(false);
      const node = steps[target]?.focus;
      if (node !== undefined && node > 0) showRef.current(node);
    },
    [steps],
  );
  useEffect(() => {
    if (!playing) return;
    const t = setTimeout(() => goTo(step + 1), PLAY_INTERVAL_MS);
    return () => clearTimeout(t);
  }, [playing, step, goTo]);
  return {
    stepping,
    step,
    playing,
    steps,
    states,
    current,
    goTo,
    setPlaying,
    start: () => {
      setStepping(true);
      setStep(0);
    },
    exit: () => {
      setStepping(false);
      setPlaying(false);
    },
    /** Another pattern: back to the first step, not playing. */
    restart: () => {
      setStep(0);
      setPlaying(false);
    },
  };
}
