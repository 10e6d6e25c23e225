// A whole account at once: the authorization details and the findings in, a table of principals out,
// each policy opening in the single-policy view. Files are read and refined in workers; nothing leaves
// the browser.
import { figure } from '../../core/messages';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { AccountRun } from '../../worker/account/client';
import type { AccountInput } from '../../worker/account/protocol';
import type { Inputs } from '../inputs';
import { AccountSummaryPanel } from './AccountSummaryPanel';
import { initialAccountState, reduceAccount } from './accountState';
import { FileDrop } from './FileDrop';
import { PrincipalPolicies } from './PrincipalPolicies';
import { PrincipalTable } from './PrincipalTable';
import './account.css';

export function AccountView({
  onOpen,
  startRun = (inputs, onEvent) => new AccountRun(inputs, onEvent),
}: {
  onOpen: (inputs: Omit<Inputs, 'keep'>) => void;
  startRun?: (
    inputs: ConstructorParameters<typeof AccountRun>[0],
    onEvent: ConstructorParameters<typeof AccountRun>[1],
  ) => Pick<AccountRun, 'open' | 'cancel'>;
}) {
  const [account, setAccount] = useState<AccountInput[]>([]);
  const [findings, setFindings] = useState<AccountInput[]>([]);
  const [used, setUsed] = useState(false);
  const [state, dispatch] = useReducer(reduceAccount, initialAccountState);
  const [selected, setSelected] = useState<number | null>(null);
  const run = useRef<Pick<AccountRun, 'open' | 'cancel'> | null>(null);
  useEffect(() => () => run.current?.cancel(), []);

  const start = () => {
    run.current?.cancel();
    setSelected(null);
    dispatch({ type: 'start' });
    const t0 = performance.now();
    run.current = startRun({ account, findings, used }, (event) =>
      dispatch({ type: 'event', event, elapsed: performance.now() - t0 }),
    );
  };
  const cancel = () => {
    run.current?.cancel();
    dispatch({ type: 'cancel' });
  };
  const loadExample = async () => {
    const [details, example] = await Promise.all([
      import('../../examples/account/authorization-details.json?raw'),
      import('../../examples/account/findings.json?raw'),
    ]);
    setAccount([{ name: 'authorization-details.json', text: details.default }]);
    setFindings([{ name: 'findings.json', text: example.default }]);
  };
  const open = useCallback(
    async (principal: number, policy: number) => {
      const inputs = await run.current?.open(principal, policy);
      if (inputs) onOpen(inputs);
    },
    [onOpen],
  );

  const running = state.phase === 'reading' || state.phase === 'refining';
  const p = state.progress;
  const row = state.rows.find((r) => r.principal === selected) ?? null;
  return (
    <main className="account-view" data-testid="account-view">
      <p className="tagline">
        A whole account at once: every policy of every role and user, refined against that
        principal&apos;s unused permissions. The files are read and refined in this browser; nothing
        is sent anywhere.{' '}
        <button
          type="button"
          className="link-like"
          onClick={loadExample}
          data-testid="account-example"
        >
          Load a small example account
        </button>
      </p>
      <div className="inputs">
        <FileDrop
          title="Authorization details"
          hint="aws iam get-account-authorization-details output (JSON); several pages may be given."
          testId="account-input"
          inputs={account}
          onInputs={setAccount}
        />
        <FileDrop
          title="Unused permissions"
          hint="GetFindingV2 findings (a JSON array, JSON lines, or one file each), or an object from each principal's ARN to its unused permissions."
          testId="findings-input"
          inputs={findings}
          onInputs={setFindings}
        />
      </div>
      <div className="run-bar">
        <button
          type="button"
          className="primary"
          disabled={running || account.length === 0 || findings.length === 0}
          onClick={start}
          data-testid="account-start"
        >
          Refine the account
        </button>
        <label className="used-toggle">
          <input
            type="checkbox"
            checked={used}
            onChange={(e) => setUsed(e.currentTarget.checked)}
          />{' '}
          the findings list the actions that were used
        </label>
        {running && (
          <>
            <progress
              max={p?.total || 1}
              value={p?.done ?? 0}
              aria-label={p?.stage === 'refining' ? 'Principals refined' : 'Reading the files'}
            />
            <span role="status" data-testid="account-progress">
              {p?.stage === 'refining'
                ? `refining ${figure(p.done)} / ${figure(p.total)} principals`
                : 'reading the files…'}
            </span>
            <button type="button" onClick={cancel} data-testid="account-cancel">
              Cancel
            </button>
          </>
        )}
        {state.phase === 'cancelled' && (
          <span role="status" data-testid="account-cancelled">
            Cancelled: {state.rows.length} principals were refined before it stopped.
          </span>
        )}
      </div>
      {state.error && (
        <p className="stale error" role="alert" data-testid="account-error">
          {state.error}
        </p>
      )}
      {state.summary && <AccountSummaryPanel summary={state.summary} ms={state.ms} />}
      {state.rows.length > 0 && (
        <div className="account-results">
          <PrincipalTable rows={state.rows} selected={selected} onSelect={setSelected} />
          {row && <PrincipalPolicies row={row} onOpen={open} />}
        </div>
      )}
    </main>
  );
}
