// Messages of the account view: the page, one coordinator worker (reads the files, holds the account,
// shares principals out), and a few refiner workers that the coordinator talks to over their own
// ports, so the page never receives the tens of megabytes of documents, only a row per principal.
import type {
  AccountError,
  AccountNote,
  AccountSummary,
  FindingsProblem,
  LevelCounts,
  PolicyKind,
  PolicyStatus,
  PrincipalKind,
  SetAsideFinding,
} from '../../account';

/** A file the user dropped or picked (read in the worker), or text they pasted. */
export interface AccountInput {
  name: string;
  file?: Blob;
  text?: string;
}

export type ToCoordinator =
  | {
      type: 'start';
      account: AccountInput[];
      findings: AccountInput[];
      used: boolean;
      /** One port per refiner worker. */
      ports: MessagePort[];
    }
  | { type: 'open'; id: number; principal: number; policy: number };

export interface PolicyRow {
  name: string;
  kind: PolicyKind;
  group: string | null;
  status: PolicyStatus;
  recommendedAction: 'CREATE_POLICY' | 'DETACH_POLICY' | null;
  /** Unused actions taken out of this policy. */
  removed: number;
  overQuota: boolean;
  /** Characters of the result and the limit, when over it. */
  size: { chars: number; limit: number } | null;
  /** Over the limit: the sizes of the managed policies it is split into, or why it cannot be. */
  split: { parts: number[]; why: string | null } | null;
  error: string | null;
}

/** What the table shows of a principal. */
export interface PrincipalRow {
  /** Position in the account file: how the page asks for its policies. */
  principal: number;
  kind: PrincipalKind;
  name: string;
  arn: string;
  serviceLinked: boolean;
  findings: string;
  removed: number;
  levels: LevelCounts;
  policies: PolicyRow[];
  bug: string | null;
}

export type FromCoordinator =
  | { type: 'progress'; stage: 'reading' | 'refining'; done: number; total: number }
  | {
      type: 'read';
      accountId: string | null;
      principals: number;
      tasks: number;
      setAside: SetAsideFinding[];
      findingsProblems: FindingsProblem[];
      notes: AccountNote[];
    }
  | { type: 'error'; error: AccountError }
  | { type: 'rows'; rows: PrincipalRow[] }
  | { type: 'done'; summary: AccountSummary }
  | {
      type: 'opened';
      id: number;
      inputs: { policy: string; unused: string; used: boolean } | null;
    }
  | { type: 'failed'; message: string };
