// @vitest-environment jsdom
// Applying a recommendation: the parts of one over the quota (each with its size, Copy, Download
// and command), what to do when no split works, and nothing offered from an unproven result.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { compactJson } from '../../src/core';
import { partCommand } from '../../src/ui/awsCommand';
import { PolicyParts } from '../../src/ui/PolicyParts';
import { ResultActions } from '../../src/ui/ResultActions';
import { analyze } from '../../src/worker/analyze';
import type { RecommendationView } from '../../src/worker/protocol';
import { catalog } from '../core/support';

const ARN = 'arn:aws:iam::111122223333:policy/team/ec2-admin';

function view(policy: string, unused: string): RecommendationView {
  const a = analyze({ type: 'refine', id: 1, policy, unused, used: false }, catalog, () => 0);
  if (!a.recommendation) throw new Error('inputs');
  return a.recommendation;
}

/** `ec2:*` with every ninth ec2 action unused: 16,000 characters, three managed policies. */
const ec2 = catalog.services.get('ec2')?.names ?? [];
const overQuota = view(
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}',
  ec2
    .filter((_, i) => i % 9 === 0)
    .map((n) => `ec2:${n}`)
    .join('\n'),
);

const failed = {
  ok: false as const,
  counterexample: {
    statement: 0,
    action: 'ec2:RunInstances',
    expected: 'not matched' as const,
    got: 'matched' as const,
  },
  message: 'BUG: the refined statement 1 still allows ec2:RunInstances',
};

let copied: string[] = [];
beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (t: string) => (copied.push(t), Promise.resolve()) },
  });
});
afterEach(cleanup);

describe('a recommendation over the quota', () => {
  test('shows its parts one under the other, each with its size, Copy, Download and command', async () => {
    expect(overQuota.split?.parts.length).toBe(3);
    render(<PolicyParts rec={overQuota} stale={false} arn={ARN} />);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(
      'Split into 3 managed policies under the quota',
    );
    const parts = overQuota.split?.parts ?? [];
    parts.forEach((p, i) => {
      const k = i + 1;
      expect(screen.getByTestId(`policy-part-${k}-size`).textContent).toBe(
        `${p.size.chars.toLocaleString('en-US')} of 6,144 characters`,
      );
      expect(p.size.chars).toBeLessThanOrEqual(6144);
      expect(screen.getByTestId(`policy-part-${k}`).querySelector('pre')?.textContent).toBe(p.text);
    });
    fireEvent.click(screen.getByTestId('policy-part-2-copy'));
    await waitFor(() => expect(copied).toEqual([parts[1].text]));
    fireEvent.click(screen.getByTestId('policy-part-1-cli'));
    fireEvent.click(screen.getByTestId('policy-part-3-cli'));
    await waitFor(() => expect(copied).toHaveLength(3));
    expect(copied[1]).toBe(
      `aws iam create-policy-version --policy-arn '${ARN}' --set-as-default --policy-document '${compactJson(parts[0].text)}'`,
    );
    expect(copied[2].split('\n')).toEqual([
      `aws iam create-policy --policy-name 'ec2-admin-part-3' --path '/team/' --policy-document '${compactJson(parts[2].text)}'`,
      '# then attach it wherever the policy is attached, for example:',
      `aws iam attach-role-policy --role-name ROLE_NAME --policy-arn 'arn:aws:iam::111122223333:policy/team/ec2-admin-part-3'`,
    ]);
    expect(JSON.parse(compactJson(parts[2].text))).toEqual(JSON.parse(parts[2].text));
  });

  test('the single document is still there to copy, but not its command: IAM would refuse it', () => {
    render(<ResultActions rec={overQuota} stale={false} arn={ARN} onArn={() => {}} />);
    expect(screen.getByTestId<HTMLButtonElement>('copy-policy').disabled).toBe(false);
    expect(screen.getByTestId<HTMLButtonElement>('copy-cli').disabled).toBe(true);
    expect(screen.getByTestId('actions-hint').textContent).toMatch(
      /^The policy is 16,\d{3} characters, over the 6,144-character quota of a managed policy, so IAM would refuse this command: use the parts below\.$/,
    );
  });

  test('a part command waits for the ARN, like the single one', () => {
    render(<PolicyParts rec={overQuota} stale={false} arn="" />);
    expect(screen.getByTestId<HTMLButtonElement>('policy-part-1-cli').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('policy-part-1-copy').disabled).toBe(false);
    expect(screen.getByTestId('parts-hint').textContent).toBe(
      "Each part's AWS CLI command names the policy: enter its ARN above, by Copy policy.",
    );
  });

  test('when no split works, says why and what to do instead', () => {
    const names = ec2.filter((_, i) => i % 4 === 0).map((n) => `ec2:${n}`);
    const rec = view(
      '{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}',
      names.join('\n'),
    );
    render(<PolicyParts rec={rec} stale={false} arn={ARN} />);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('No way under the quota');
    expect(screen.getByTestId('split-why').textContent).toMatch(
      /over the 6,144-character quota of a managed policy\. Statement 1 alone makes a policy of 7,\d{3} characters, .* NotAction list cannot be cut: use an inline policy instead \(a role may hold 10,240 characters of inline policies\), or ask AWS for a higher quota\.$/,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('an unproven result is never offered', () => {
  test('Copy, Download and the command are off, and say why', () => {
    const rec = { ...overQuota, proof: failed, size: { chars: 400, limit: 6144 } };
    render(<ResultActions rec={rec} stale={false} arn={ARN} onArn={() => {}} />);
    for (const id of ['copy-policy', 'download-policy', 'copy-cli'])
      expect(screen.getByTestId<HTMLButtonElement>(id).disabled).toBe(true);
    expect(screen.getByTestId('actions-hint').textContent).toBe(
      'Not proven, so nothing is offered to copy or download: BUG: the refined statement 1 still allows ec2:RunInstances. That is a bug in the refiner; please report it with the share link.',
    );
  });

  test('nor are the parts of one, or parts whose own proof failed', () => {
    for (const rec of [
      { ...overQuota, proof: failed },
      { ...overQuota, split: overQuota.split && { ...overQuota.split, proof: failed } },
    ]) {
      render(<PolicyParts rec={rec} stale={false} arn={ARN} />);
      for (const k of [1, 2, 3])
        for (const what of ['copy', 'download', 'cli'])
          expect(screen.getByTestId<HTMLButtonElement>(`policy-part-${k}-${what}`).disabled).toBe(
            true,
          );
      expect(screen.getByTestId('parts-blocked').textContent).toMatch(/not proven/i);
      cleanup();
    }
  });

  test('a proven result of the same shape is offered (the tests above can fail)', () => {
    render(
      <ResultActions
        rec={{ ...overQuota, size: { chars: 400, limit: 6144 } }}
        stale={false}
        arn={ARN}
        onArn={() => {}}
      />,
    );
    for (const id of ['copy-policy', 'download-policy', 'copy-cli'])
      expect(screen.getByTestId<HTMLButtonElement>(id).disabled).toBe(false);
  });
});

describe('partCommand', () => {
  test('part 1 replaces the policy; the others are new policies on its path, in any partition', () => {
    expect(partCommand('{ "a": 1.50 }', 1, '')).toBe(
      `aws iam create-policy-version --policy-arn 'arn:aws:iam::123456789012:policy/POLICY_NAME' --set-as-default --policy-document '{"a":1.50}'`,
    );
    expect(partCommand('{}', 2, "arn:aws-cn:iam::111122223333:policy/it's")).toContain(
      `--policy-name 'it'\\''s-part-2' --path '/'`,
    );
  });
});
