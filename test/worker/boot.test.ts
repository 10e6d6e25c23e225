// The refiner worker reads the page's first request from its name as it starts and answers it before
// any message: the real worker module, with the name and postMessage of a worker's global scope.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { BOOT_NAME_PREFIX, type RefineRequest, type Response } from '../../src/worker/protocol';

afterEach(() => vi.unstubAllGlobals());

describe('the refiner worker started with a request in its name', () => {
  test('answers it at once, by its id, with the recommendation', async () => {
    const { policy, unused } = workedExample;
    const req: RefineRequest = { type: 'refine', id: 1, policy, unused, used: false };
    const posted: Response[] = [];
    vi.stubGlobal('self', globalThis);
    vi.stubGlobal('name', BOOT_NAME_PREFIX + JSON.stringify(req));
    vi.stubGlobal('postMessage', (r: Response) => posted.push(r));
    await import('../../src/worker/refiner.worker');
    expect(posted).toHaveLength(1);
    const [answer] = posted;
    if (answer.type !== 'refine') throw new Error(`answered ${answer.type}`);
    expect(answer.id).toBe(1);
    expect(answer.analysis.refinement).toBe(1);
    expect(answer.analysis.recommendation?.text).toContain('s3:GetMulti*');
    expect(answer.analysis.recommendation?.proof.ok).toBe(true);
  });
});
