// The page's two views: one policy (the App), and a whole account. Both stay mounted, so going back
// and forth keeps the table, its sort and its search. A policy opened from the account reaches the
// App the way a share link does: through the URL fragment, which never leaves the browser.
import { lazy, Suspense, useCallback, useState } from 'react';
import type { RefinerClient } from '../worker/client';
import { App } from './App';
import { shareFragment, type Inputs } from './inputs';
import type { FirstView } from './firstView';
import type { EarlyLink } from './useShareLink';

const AccountView = lazy(() =>
  import('./account/AccountView').then((m) => ({ default: m.AccountView })),
);

export function Shell(props: {
  client: RefinerClient;
  storage: Storage | null;
  link?: EarlyLink | null;
  first?: FirstView | null;
}) {
  const { client, storage, link, first } = props;
  const [view, setView] = useState<'policy' | 'account'>(() =>
    window.location.hash === '#account' ? 'account' : 'policy',
  );
  const [accountOpened, setAccountOpened] = useState(view === 'account');
  const show = (v: 'policy' | 'account') => {
    setView(v);
    if (v === 'account') setAccountOpened(true);
  };
  const open = useCallback((inputs: Omit<Inputs, 'keep'>) => {
    window.location.hash = shareFragment(inputs);
    setView('policy');
  }, []);
  return (
    <>
      <div hidden={view !== 'policy'}>
        <App
          client={client}
          storage={storage}
          link={link}
          first={first}
          nav={
            <button type="button" onClick={() => show('account')} data-testid="to-account">
              {accountOpened ? 'Back to the account' : 'A whole account…'}
            </button>
          }
        />
      </div>
      {accountOpened && (
        <div hidden={view !== 'account'} className="app">
          <header className="top">
            <h1>IAM policy refiner: a whole account</h1>
            <div className="tools">
              <button type="button" onClick={() => show('policy')} data-testid="to-policy">
                One policy
              </button>
            </div>
          </header>
          <Suspense fallback={<p className="placeholder">Loading…</p>}>
            <AccountView onOpen={open} />
          </Suspense>
        </div>
      )}
    </>
  );
}
