// Tells once that what stands before it in the same Suspense boundary has been drawn: on the frame
// after its first commit. The page uses it to start loading Monaco only after the trie's first frame.
import { useEffect } from 'react';

export function AfterDraw({ then }: { then?: () => void }) {
  useEffect(() => {
    if (!then) return;
    const frame = requestAnimationFrame(() => then());
    return () => cancelAnimationFrame(frame);
  }, [then]);
  return null;
}
