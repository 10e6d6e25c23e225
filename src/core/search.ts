// Binary searches over sorted arrays, shared by the universe (names, service offsets), the
// redundancy pass (run starts) and the line map (line starts).

/** The first place in `sorted` (names or indices) whose value is not below `key`. */
export function lowerBound<T extends string | number>(
  sorted: ArrayLike<T>,
  key: T,
  lo = 0,
  hi = sorted.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first place in `sorted` (integers: offsets, indices) whose value is above `key`: how many values
 * are `key` or below. Among integers, "above `key`" is "not below `key + 1`".
 */
export function upperBound(
  sorted: ArrayLike<number>,
  key: number,
  lo = 0,
  hi = sorted.length,
): number {
  return lowerBound(sorted, key + 1, lo, hi);
}
