// @vitest-environment jsdom
// The account view with its run replaced by the account module itself, in this thread: what the
// table, the summary and a principal's policies say of results over the quota.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { refineAccount, type AccountOptions } from '../../src/account';
import { AccountView } from '../../src/ui/account/AccountView';
import type { FromCoordinator } from '../../src/worker/account/protocol';
import { principalRow } from '../../src/worker/account/rows';
import { allowing, splitAccount } from '../account/accounts';
import { catalog } from '../core/support';

afterEach(cleanup);

// `builder`'s two policies are each split into three parts; `reader`'s fits.
const { account, findings } = splitAccount(catalog, {
  managed: true,
  more: [
    {
      role: { name: 'reader', inline: { read: allowing(['s3:GetObject', 's3:PutObject']) } },
      unused: ['s3:PutObject'],
    },
  ],
});

/** The view, run on the account above by the account module in this thread. */
function renderView(options: AccountOptions = {}) {
  render(
    <AccountView
      onOpen={() => {}}
      startRun={(inputs, onEvent) => {
        const r = refineAccount(
          inputs.account.map((i) => ({ name: i.name, text: i.text ?? '' })),
          inputs.findings.map((i) => ({ name: i.name, text: i.text ?? '' })),
          catalog,
          options,
        );
        if (!r.ok) throw new Error(r.error.message);
        const events: FromCoordinator[] = [
          { type: 'rows', rows: r.value.outcomes.map(principalRow) },
          { type: 'done', summary: r.value.summary },
        ];
        queueMicrotask(() => events.forEach(onEvent));
        return { open: async () => null, cancel: () => {} };
      }}
    />,
  );
  fireEvent.change(screen.getByTestId('account-input-paste'), { target: { value: account } });
  fireEvent.change(screen.getByTestId('findings-input-paste'), { target: { value: findings } });
  fireEvent.click(screen.getByTestId('account-start'));
}

const row = (name: string) =>
  screen.getAllByTestId('principal-row').find((r) => r.textContent?.includes(name)) as HTMLElement;

describe('the account view, results over the quota', () => {
  test('a split result shows in the table, the summary and the principal: its parts and sizes', async () => {
    renderView();
    const summary = await screen.findByTestId('account-summary');
    expect(summary.textContent).toContain(
      'Over the 6,144-character quota: 2: 2 split into 6 managed policies that each fit, attached together.',
    );
    expect(within(row('builder')).getByText('split')).toBeTruthy();
    expect(within(row('reader')).queryByText('split')).toBeNull();
    fireEvent.click(within(row('builder')).getByRole('button', { name: /builder/ }));
    const notes = within(screen.getByTestId('principal-policies')).getAllByTestId('policy-quota');
    expect(notes).toHaveLength(2);
    expect(notes[0].textContent).toMatch(
      /^The result is 16,\d{3} characters, over the 6,144-character quota: split into 3 managed policies attached together \(6,1\d\d, 6,1\d\d, \d,\d{3} characters\)\.$/,
    );
  });

  test('a result no split fits says why, in the principal and in the summary', async () => {
    renderView({ sizeLimit: 1000 });
    const summary = await screen.findByTestId('account-summary');
    expect(summary.textContent).toContain(
      'Over the 1,000-character quota: 2: 2 that no split fits.',
    );
    expect(summary.textContent).toContain('Results over the quota that no split fits (2)');
    expect(within(row('builder')).getByText('over quota')).toBeTruthy();
    fireEvent.click(within(row('builder')).getByRole('button', { name: /builder/ }));
    const note = within(screen.getByTestId('principal-policies')).getAllByTestId('policy-quota')[0];
    expect(note.textContent).toMatch(
      /over the 1,000-character quota, and no split fits: Split into managed policies of at most 1,000 characters, it would take at least 17/,
    );
  });
});
