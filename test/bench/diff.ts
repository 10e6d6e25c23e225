// Diff benchmarks: N statements of [s3:Get*, ec2:Describe*, lambda:InvokeFunction] with s3:GetObject
// and ec2:DescribeInstances unused, the shape that made the diff quadratic. Refined once by core; then
// the CLI's unified diff and the app's first page of rows, timed in process. Bundled and run by run.mjs.
import { decodeCatalog, type RawCatalog } from '../../src/catalog/catalog';
import raw from '../../src/catalog/generated/catalog.json';
import { writeUnifiedDiff } from '../../src/cli/unifiedDiff';
import { parseFindings, parsePolicy, refinePolicy } from '../../src/core';
import { DiffRowList } from '../../src/ui/diffRows';

const catalog = decodeCatalog(raw as unknown as RawCatalog);
const findings = parseFindings('s3:GetObject\nec2:DescribeInstances');
if (!findings.ok) throw new Error(findings.error.message);

function times(runs: number, f: () => void): string {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    t.push(performance.now() - start);
  }
  t.sort((a, b) => a - b);
  const ms = (x: number) => x.toFixed(1);
  return `median ${ms(t[runs >> 1]).padStart(8)} ms   (${runs} runs, min ${ms(t[0])}, max ${ms(t[runs - 1])})`;
}

for (const n of [100, 400, 1_000, 10_000]) {
  const statement = {
    Effect: 'Allow',
    Action: ['s3:Get*', 'ec2:Describe*', 'lambda:InvokeFunction'],
    Resource: '*',
  };
  const doc = parsePolicy(
    JSON.stringify({ Version: '2012-10-17', Statement: Array(n).fill(statement) }, null, 2),
  );
  if (!doc.ok) throw new Error(doc.error.message);
  const rec = refinePolicy(doc.value, findings.value, catalog, { decisionNodes: false });
  const after = rec.text ?? '';
  const lines = `${rec.originalText.split('\n').length} -> ${after.split('\n').length} lines`;
  const runs = n >= 10_000 ? 5 : 11;
  let size = 0;
  console.log(
    `${`--format diff, ${n.toLocaleString('en-US')} statements (${lines})`.padEnd(66)}${times(
      runs,
      () => {
        size = 0;
        writeUnifiedDiff(
          'a/p',
          'b/p',
          'CREATE_POLICY',
          rec.originalText,
          after,
          (t) => (size += t.length),
        );
      },
    )}`,
  );
  console.log(
    `${`app diff view, first 500 rows, ${n.toLocaleString('en-US')} statements`.padEnd(66)}${times(
      runs,
      () => {
        new DiffRowList(rec.originalText.split('\n'), after.split('\n'), true, 'split').at(499);
      },
    )}`,
  );
}
