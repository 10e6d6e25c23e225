// A part of the page drawn after the answer: once the browser is idle or the part comes near the
// view, whichever is first. Until then an empty box of the expected height holds its place, so
// nothing jumps when it arrives.
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** The longest the part waits for an idle moment. */
const IDLE_TIMEOUT_MS = 1000;

export function Deferred(props: { minHeight: number; label: string; children: ReactNode }) {
  const { minHeight, label, children } = props;
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    const show = () => setShown(true);
    let cancelIdle: () => void;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(show, { timeout: IDLE_TIMEOUT_MS });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(show, 0);
      cancelIdle = () => clearTimeout(id);
    }
    const near =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
            rootMargin: '200px',
          })
        : null;
    if (box.current) near?.observe(box.current);
    return () => {
      cancelIdle();
      near?.disconnect();
    };
  }, [shown]);
  if (shown) return children;
  return <div ref={box} className="deferred" style={{ minHeight }} data-deferred={label} />;
}
