// Core benchmarks: median wall time of the refiner in process. Bundled and run by run.mjs.
import { decodeCatalog, type RawCatalog } from '../../src/catalog/catalog';
import raw from '../../src/catalog/generated/catalog.json';
import { parseFindings, parsePolicy, refinePolicy, tokenize, type Catalog } from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, f: () => void): { first: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return { first: times[0], median: median(times.slice(1)) };
}

/** Deterministic pseudo-random numbers, so every run measures the same input. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function report(name: string, r: { first: number; median: number }, extra = ''): void {
  console.log(
    `${name.padEnd(58)} median ${r.median.toFixed(2).padStart(8)} ms   first ${r.first.toFixed(1).padStart(7)} ms${extra}`,
  );
}

const t0 = performance.now();
const catalog: Catalog = decodeCatalog(raw as unknown as RawCatalog);
const t1 = performance.now();
for (const s of catalog.services.values()) void s.names;
console.log(
  `catalog: index ${(t1 - t0).toFixed(1)} ms, every service decoded ${(performance.now() - t1).toFixed(1)} ms more (${catalog.actionCount} actions)`,
);

// 1. The worked example, text in, recommendation out.
report(
  'worked example (parse + refine + proof)',
  time(200, () => {
    const doc = ok(parsePolicy(workedExample.policy));
    const f = ok(parseFindings(workedExample.unused));
    refinePolicy(doc, f, catalog);
  }),
);

// 2. "Action": "*" with 95% of the catalog unused.
const rand = random(42);
const unusedByService: { serviceNamespace: string; actions: string[] }[] = [];
let unusedCount = 0;
for (const s of catalog.services.values()) {
  const actions = s.names.filter(() => rand() < 0.95);
  unusedCount += actions.length;
  if (actions.length) unusedByService.push({ serviceNamespace: s.key, actions });
}
const starText = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});
const starUnused = JSON.stringify(unusedByService);
const starDoc = ok(parsePolicy(starText));
const starFindings = ok(parseFindings(starUnused));
let frontierSize = 0;
const star = time(101, () => {
  const rec = refinePolicy(starDoc, starFindings, catalog);
  frontierSize = rec.decisions[0].replacement.length;
});
report(
  `"*" with 95% unused (${unusedCount} actions), refine + proof`,
  star,
  `   (${frontierSize} entries)`,
);
report(
  '   reading those findings (JSON, 21k actions), not included',
  time(30, () => ok(parseFindings(starUnused))),
);

// 2b. The other end: "*" with 5% unused, where the NotAction form is the compact one and is chosen.
const fewUnused: { serviceNamespace: string; actions: string[] }[] = [];
let fewCount = 0;
for (const s of catalog.services.values()) {
  const actions = s.names.filter(() => rand() < 0.05);
  fewCount += actions.length;
  if (actions.length) fewUnused.push({ serviceNamespace: s.key, actions });
}
const fewFindings = ok(parseFindings(JSON.stringify(fewUnused)));
let fewForm = '';
report(
  `"*" with 5% unused (${fewCount} actions), refine + both proofs`,
  time(30, () => {
    const rec = refinePolicy(starDoc, fewFindings, catalog);
    fewForm = rec.notActionForm?.chosen
      ? `NotAction form chosen, ${rec.notActionForm.size.chars} chars`
      : 'expanded form';
  }),
  `   (${fewForm})`,
);

// 3. A 100-statement policy.
const services = [...catalog.services.values()].filter((s) => s.names.length > 20).slice(0, 60);
const statements = [];
const unusedLines: string[] = [];
for (let i = 0; i < 100; i++) {
  const s = services[Math.floor(rand() * services.length)];
  const pick = () => s.names[Math.floor(rand() * s.names.length)];
  const a = pick();
  const tokens = tokenize(a);
  statements.push({
    Sid: `S${i}`,
    Effect: i % 10 === 9 ? 'Deny' : 'Allow',
    Action: [pick(), pick(), `${tokens[0]}*`, `*${tokens[tokens.length - 1]}`, pick()].map(
      (n) => `${s.key}:${n}`,
    ),
    Resource: '*',
  });
  for (let k = 0; k < 5; k++) unusedLines.push(`${s.key}:${pick()}`);
}
const hundredDoc = ok(
  parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements })),
);
const hundredFindings = ok(parseFindings(unusedLines.join('\n')));
report(
  '100-statement policy (500 patterns, 500 unused)',
  time(30, () => refinePolicy(hundredDoc, hundredFindings, catalog)),
);
