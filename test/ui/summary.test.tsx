// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parseFindings, parsePolicy, refinePolicy } from '../../src/core';
import { workedExample } from '../../src/examples/worked-example';
import { awsCommand } from '../../src/ui/awsCommand';
import { Summary } from '../../src/ui/Summary';
import { analyze } from '../../src/worker/analyze';
import type { RecommendationView } from '../../src/worker/protocol';
import { catalog } from '../core/support';

afterEach(cleanup);

function view(policy: string, unused: string, keep = ''): RecommendationView {
  const a = analyze({ type: 'refine', id: 1, policy, unused, used: false, keep }, catalog, () => 0);
  if (!a.recommendation) throw new Error(JSON.stringify(a.policyError ?? a.unusedError));
  return a.recommendation;
}

describe('Summary', () => {
  test('says the step, the rewrites, the proof and the size', () => {
    const rec = view(workedExample.policy, workedExample.unused);
    const onSelect = vi.fn();
    render(<Summary rec={rec} onSelect={onSelect} selected={null} />);
    expect(screen.getByTestId('step').textContent).toContain('CREATE_POLICY');
    expect(screen.getByTestId('proof').textContent).toBe(
      'Proven over 22,091 actions: allows exactly the 92 actions it allowed before, minus 30 unused (62 now).',
    );
    expect(screen.getByTestId('size').textContent).toContain('406 of 6,144 characters');
    expect(screen.getByTestId('removed-count').textContent).toContain('30 unused actions removed');
    fireEvent.click(screen.getByRole('button', { name: /s3:Get\*/ }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ pattern: 's3:Get*' }));
  });

  test('the proof counts what was kept on purpose, and a table says what is gone by access level', () => {
    const rec = view(
      '{"Statement": {"Effect": "Allow", "Action": ["iam:*", "s3:Put*"], "Resource": "*"}}',
      [
        'iam:AttachRolePolicy',
        'iam:PutRolePolicy',
        'iam:CreatePolicyVersion',
        's3:PutBucketPolicy',
        's3:PutObject',
        'iam:TagRole',
        'iam:GetRole',
      ].join('\n'),
      's3:PutObject',
    );
    render(<Summary rec={rec} onSelect={() => {}} selected={null} />);
    expect(screen.getByTestId('proof').textContent).toBe(
      'Proven over 22,091 actions: allows exactly the 230 actions it allowed before, minus 7 unused, 1 of them kept on purpose (224 now).',
    );
    expect(screen.getByTestId('levels-gone').textContent).toBe(
      '4 Permissions management, 1 Tagging and 1 Read actions are gone.',
    );
    const rows = [...screen.getByTestId('levels').querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Permissions management', '35', '31', '4'],
      ['Write', '97', '97', ''],
      ['Tagging', '21', '20', '1'],
      ['Read', '37', '36', '1'],
      ['List', '40', '40', ''],
    ]);
  });

  test('DETACH_POLICY says why', () => {
    const rec = view(
      '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}',
      's3:GetObject',
    );
    render(<Summary rec={rec} onSelect={() => {}} selected={null} />);
    expect(screen.getByTestId('step').textContent).toMatch(
      /DETACH_POLICY: every action this policy allows is unused/,
    );
  });

  test('text from the inputs is shown as text, never as HTML', () => {
    const rec = view(
      '{"Statement": {"Sid": "x", "Effect": "Allow", "Action": ["s3:<img src=x onerror=alert(1)>", "s3:Get*"], "Resource": "*"}}',
      's3:GetObject',
    );
    const { container } = render(<Summary rec={rec} onSelect={() => {}} selected={null} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('the AWS CLI command', () => {
  test('is a create-policy-version with the compact policy, quoted for the shell', () => {
    const doc = parsePolicy(
      `{"Statement": {"Sid": "it's", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}`,
    );
    const findings = parseFindings('s3:GetBucketPolicy');
    if (!doc.ok || !findings.ok) throw new Error('inputs');
    const rec = refinePolicy(doc.value, findings.value, catalog);
    const cmd = awsCommand({ ...rec, expandedForm: null, notActionForm: null }, '');
    expect(cmd).toMatch(
      /^aws iam create-policy-version --policy-arn 'arn:aws:iam::123456789012:policy\/POLICY_NAME' --set-as-default --policy-document '\{"Statement":\{"Sid":"it'\\''s",/,
    );
  });
});
