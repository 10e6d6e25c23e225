// The page's one store: the inputs, the latest answer of the worker, and the last good recommendation,
// which stays on screen (marked stale) while the inputs hold an error.
import type { ActionMark, Analysis, RecommendationView } from '../worker/protocol';
import type { Inputs } from './inputs';

export interface Selection {
  statement: number;
  position: number;
  /** A node prefix to bring into view. */
  focus?: string;
  /** Entries the picked trie node stands for, to mark in the recommended policy. */
  entries?: readonly string[];
  /** Picked outside the trie (the summary, a line): the trie is brought into view. */
  scroll?: boolean;
}

export interface AppState {
  inputs: Inputs;
  /** What-if marks, sent with the inputs: part of what the result answers. */
  marks: readonly ActionMark[];
  /** Incremented by every edit: answers for an older revision are dropped. */
  revision: number;
  analysis: Analysis | null;
  /** The revision `analysis` answers. */
  analysisRevision: number;
  /** The recommendation last shown, and the revision and inputs it was computed for. */
  good: {
    recommendation: RecommendationView;
    revision: number;
    inputs: Inputs;
    marks: readonly ActionMark[];
    ms: number;
    /** The worker's id for this refinement: the trie behind it is asked for by this id. */
    refinement: number;
  } | null;
  running: boolean;
  /** A worker crash or time-out, reported until the next answer. */
  failure: string | null;
  selection: Selection | null;
  /** False when the browser would not keep the inputs (storage full or disabled). */
  stored: boolean;
}

export type Action =
  | { type: 'edit'; inputs: Partial<Inputs> }
  | { type: 'load'; inputs: Inputs; marks?: readonly ActionMark[] }
  | { type: 'mark'; action: string; mark: ActionMark['mark'] | null }
  /** The keep list rewritten for some actions (kept or let go): their what-if marks go with them. */
  | { type: 'keep'; actions: readonly string[]; keep: string }
  | { type: 'reset-marks' }
  | { type: 'started' }
  | { type: 'answered'; revision: number; analysis: Analysis }
  | { type: 'failed'; revision: number; message: string }
  | { type: 'select'; selection: Selection | null }
  | { type: 'select-node'; entries: readonly string[] }
  | { type: 'stored'; ok: boolean };

/** The state the page opens with; `analysis`, when given, is the answer to these inputs. */
export function initialState(
  inputs: Inputs,
  marks: readonly ActionMark[] = [],
  analysis: Analysis | null = null,
): AppState {
  const state: AppState = {
    inputs,
    marks,
    revision: 0,
    analysis: null,
    analysisRevision: -1,
    good: null,
    running: false,
    failure: null,
    selection: null,
    stored: true,
  };
  return analysis ? reduce(state, { type: 'answered', revision: 0, analysis }) : state;
}

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'edit':
      return {
        ...state,
        inputs: { ...state.inputs, ...action.inputs },
        revision: state.revision + 1,
      };
    case 'load':
      return {
        ...state,
        inputs: action.inputs,
        marks: action.marks ?? [],
        revision: state.revision + 1,
        selection: null,
      };
    case 'mark': {
      const others = unmarked(state.marks, action.action);
      const marks = action.mark
        ? [...others, { action: action.action, mark: action.mark }]
        : others;
      return { ...state, marks, revision: state.revision + 1 };
    }
    case 'keep':
      return {
        ...state,
        inputs: { ...state.inputs, keep: action.keep },
        marks: action.actions.reduce(unmarked, state.marks),
        revision: state.revision + 1,
      };
    case 'reset-marks':
      return state.marks.length === 0
        ? state
        : { ...state, marks: [], revision: state.revision + 1 };
    case 'started':
      return { ...state, running: true };
    case 'answered': {
      if (action.revision !== state.revision) return state;
      const rec = action.analysis.recommendation;
      return {
        ...state,
        analysis: action.analysis,
        analysisRevision: action.revision,
        running: false,
        failure: null,
        good: rec
          ? {
              recommendation: rec,
              revision: action.revision,
              inputs: state.inputs,
              marks: state.marks,
              ms: action.analysis.ms,
              refinement: action.analysis.refinement,
            }
          : state.good,
        selection:
          rec && state.good?.recommendation !== rec
            ? keepSelection(state.selection, rec)
            : state.selection,
      };
    }
    case 'failed':
      if (action.revision !== state.revision) return state;
      return { ...state, running: false, failure: action.message };
    case 'select':
      return { ...state, selection: action.selection };
    case 'select-node':
      return state.selection
        ? {
            ...state,
            selection: {
              ...state.selection,
              entries: action.entries.length > 0 ? action.entries : undefined,
              scroll: false,
            },
          }
        : state;
    case 'stored':
      return state.stored === action.ok ? state : { ...state, stored: action.ok };
  }
}

function unmarked(marks: readonly ActionMark[], action: string): readonly ActionMark[] {
  const key = action.toLowerCase();
  return marks.filter((m) => m.action.toLowerCase() !== key);
}

/**
 * A selection survives a new result if that pattern is still rewritten; otherwise the first rewritten
 * pattern is shown, so its trie is on screen without a click.
 */
function keepSelection(sel: Selection | null, rec: RecommendationView): Selection | null {
  const kept =
    sel && rec.decisions.find((d) => d.statement === sel.statement && d.position === sel.position);
  if (sel && kept && kept.outcome === 'replaced') return sel;
  const first = rec.decisions.find((d) => d.outcome === 'replaced');
  return first ? { statement: first.statement, position: first.position } : null;
}

/** The result on screen is stale when the current inputs gave none (an error, a failure, or a run). */
export function isStale(state: AppState): boolean {
  return state.good !== null && state.good.revision !== state.revision;
}
