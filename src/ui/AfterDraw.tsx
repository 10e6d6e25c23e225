// Tells once that what stands before it in the same Suspense boundary has been drawn: on the frame
// after its first commit. The page uses it to start loading Monaco only after the trie's first frame.
import { useEffect } from 'react';

/**
 * Runs `then` once the browser has painted the next frame (a task queued from that frame's
 * animation callback runs after its paint); returns a cancel. Work that would otherwise run between
 * a commit and its paint (an effect's import, a message) waits for the frame instead of delaying it.
 */
export function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(then, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export function AfterDraw({ then }: { then?: () => void }) {
  useEffect(() => {
    if (!then) return;
    const frame = requestAnimationFrame(() => then());
    return () => cancelAnimationFrame(frame);
  }, [then]);
  return null;
}
