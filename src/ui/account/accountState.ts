// The account view's one store: where the run is, the rows so far, the summary at the end.
import type { AccountSummary } from '../../account';
import type { FromCoordinator, PrincipalRow } from '../../worker/account/protocol';

export type Phase = 'idle' | 'reading' | 'refining' | 'done' | 'cancelled' | 'error';

export interface AccountState {
  phase: Phase;
  progress: { stage: 'reading' | 'refining'; done: number; total: number } | null;
  read: Extract<FromCoordinator, { type: 'read' }> | null;
  rows: PrincipalRow[];
  summary: AccountSummary | null;
  error: string | null;
  /** Milliseconds from start to the full table. */
  ms: number | null;
}

export const initialAccountState: AccountState = {
  phase: 'idle',
  progress: null,
  read: null,
  rows: [],
  summary: null,
  error: null,
  ms: null,
};

export type AccountAction =
  | { type: 'start' }
  | { type: 'event'; event: FromCoordinator; elapsed: number }
  | { type: 'cancel' };

export function reduceAccount(state: AccountState, action: AccountAction): AccountState {
  switch (action.type) {
    case 'start':
      return { ...initialAccountState, phase: 'reading' };
    case 'cancel':
      return state.phase === 'reading' || state.phase === 'refining'
        ? { ...state, phase: 'cancelled' }
        : state;
    case 'event': {
      if (state.phase === 'cancelled') return state;
      const e = action.event;
      switch (e.type) {
        case 'progress':
          return { ...state, progress: e };
        case 'read':
          return { ...state, read: e, phase: 'refining' };
        case 'rows':
          return { ...state, rows: [...state.rows, ...e.rows] };
        case 'done':
          return { ...state, summary: e.summary, phase: 'done', ms: action.elapsed };
        case 'error':
          return {
            ...state,
            phase: 'error',
            error: `${e.error.input}:${e.error.line}:${e.error.column}: ${e.error.message}`,
          };
        case 'failed':
          return { ...state, phase: 'error', error: e.message };
        case 'opened':
          return state;
      }
    }
  }
}
