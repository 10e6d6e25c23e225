// The small note about a new version of the app: downloaded and waiting, or just started.
import { useSyncExternalStore } from 'react';
import { updates } from './offline';

export function UpdateNote() {
  const state = useSyncExternalStore(updates.subscribe, updates.current);
  if (!state) return null;
  return (
    <p className="update-note" role="status" data-testid="update-note" data-state={state}>
      {state === 'ready' ? (
        <>
          A new version of the app is downloaded; it starts on your next visit.{' '}
          <button type="button" onClick={updates.useNow}>
            Use it now
          </button>
        </>
      ) : (
        <>
          Updated: this is the new version of the app.{' '}
          <button type="button" onClick={updates.dismiss}>
            Dismiss
          </button>
        </>
      )}
    </p>
  );
}
