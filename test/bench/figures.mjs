// How the benchmarks print a figure: the median of alternated runs, with their min and max, read
// against the machine's load average taken in the same rounds.
import { loadavg } from 'node:os';

export function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `median 123 ms (min 100, max 150; 9 runs)` */
export function spread(list, digits = 0, unit = 'ms') {
  const f = (x) => x.toFixed(digits);
  return `median ${f(median(list)).padStart(7)} ${unit}   (min ${f(Math.min(...list))}, max ${f(Math.max(...list))}; ${list.length} runs)`;
}

export function row(label, value) {
  console.log(`${label.padEnd(66)}${value}`);
}

/** The 1-minute load average now: sampled once a round, printed with the round's figures. */
export const load = () => loadavg()[0];

export function loadRow(loads) {
  row('load average (1 minute, once a round)', spread(loads, 2, ''));
}
