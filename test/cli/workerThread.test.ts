// The worker thread the CLI refines in: a refinement that runs past the time limit is stopped, even
// one that never yields, and one that needs more memory than the bound ends with its own status.
import { describe, expect, test } from 'vitest';
import { runInWorker } from '../../src/cli/workerThread';

const script = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`);
const job = {
  policies: [],
  unused: { path: 'u', text: '' },
  used: false,
  format: 'policy' as const,
};

function terminal() {
  const out = { stderr: '', stdout: 0 };
  return {
    out,
    terminal: {
      stdout: (bytes: Uint8Array, written: () => void) => {
        out.stdout += bytes.length;
        written();
      },
      stderr: (text: string) => (out.stderr += text),
    },
  };
}

describe('runInWorker', () => {
  test('a refinement stuck in a loop is stopped at the time limit: status 3 and one line', async () => {
    const { out, terminal: t } = terminal();
    const status = await runInWorker(script('for (;;) {}'), job, 200, t);
    expect(status).toBe(3);
    expect(out.stderr).toBe(
      'refine: stopped after 0.2 s, the time limit (--time-limit S sets it, up to 600)\n',
    );
  });

  test('a refinement that needs more memory than the bound: status 4 and one line', async () => {
    const { out, terminal: t } = terminal();
    const hungry = 'const keep = []; for (;;) keep.push(new Array(100000).fill(keep.length));';
    const status = await runInWorker(script(hungry), job, 60_000, t, 64);
    expect(status).toBe(4);
    expect(out.stderr).toMatch(
      /^refine: stopped: the refinement needs more than 64 MB of memory \(.*\)\n$/,
    );
  });
});
