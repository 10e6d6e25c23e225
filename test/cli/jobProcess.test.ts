// The child process the CLI refines in: a refinement that runs past the time limit is stopped, one
// that needs more memory than the bound ends with its own status, and neither leaves more than one
// line on stderr.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Job } from '../../src/cli/job';
import { runInChild } from '../../src/cli/jobProcess';
import { buildCli } from './support';

beforeAll(buildCli);

/** N statements whose every wildcard is rewritten: seconds of work. */
function job(n: number): Job {
  const statement = {
    Effect: 'Allow',
    Action: ['s3:Get*', 'ec2:Describe*', 'lambda:InvokeFunction'],
    Resource: '*',
  };
  const text = JSON.stringify({ Version: '2012-10-17', Statement: Array(n).fill(statement) });
  return {
    policies: [{ path: 'p.json', text }],
    unused: { path: 'u.txt', text: 's3:GetObject\nec2:DescribeInstances' },
    used: false,
    format: 'policy',
  };
}

/** The bundled command itself (refine.cjs only starts it with its code cache). */
const bundle = resolve('dist-cli/cli.cjs');

describe('runInChild', () => {
  test('a refinement over the time limit is stopped: status 3 and one line', async () => {
    let stderr = '';
    const status = await runInChild(bundle, job(10_000), 100, (t) => (stderr += t));
    expect(status).toBe(3);
    expect(stderr).toBe(
      'refine: stopped after 0.1 s, the time limit (--time-limit S sets it, up to 600)\n',
    );
  });

  test('a refinement that needs more memory than the bound: status 4 and one line', async () => {
    let stderr = '';
    const status = await runInChild(bundle, job(3_000), 600_000, (t) => (stderr += t), 48);
    expect(status).toBe(4);
    expect(stderr).toMatch(
      /^refine: stopped: the refinement needs more than 48 MB of memory \(.*\)\n$/,
    );
  });
});
