// The page's side of the refiner worker (after AST Explorer's worker client). A newer refine cancels
// an older one still running: the worker is single-threaded, so cancelling means terminating it and
// starting a fresh one. A crash or a run over the time bound is reported and the worker restarted.
import type { PatternTrie } from '../core';
import RefinerWorker from './refiner.worker.ts?worker';
import {
  BOOT_NAME_PREFIX,
  type Analysis,
  type Completion,
  type HoverInfo,
  type CompleteRequest,
  type HoverRequest,
  type RefineRequest,
  type Request,
  type Response,
  type TrieRequest,
} from './protocol';

/** A refine that runs longer than this is stopped and reported. */
export const REFINE_TIME_LIMIT_MS = 30_000;

/** The time bound from a `?timeLimit=S` query (0.1 to 600 seconds), else the default. */
export function timeLimitFrom(search: string): number {
  const s = Number(new URLSearchParams(search).get('timeLimit') ?? NaN);
  return Number.isFinite(s) && s >= 0.1 && s <= 600 ? Math.round(s * 1000) : REFINE_TIME_LIMIT_MS;
}

/** The subset of Worker the client uses, so tests can give a fake one. */
export interface WorkerLike {
  postMessage(message: Request): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<Response>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export class RefinerCancelled extends Error {
  constructor() {
    super('cancelled by a newer input');
  }
}

interface Pending {
  resolve: (r: Response) => void;
  reject: (e: Error) => void;
  refine: boolean;
  /** A lookup in the catalog (hover, completion): asked again of a worker restarted to cancel. */
  lookup?: Request;
}

type Omit2<T> = T extends unknown ? Omit<T, 'id'> : never;

/** What a refinement is asked for: the inputs, without the message's id and type. */
export type RefineInputs = Omit<RefineRequest, 'id' | 'type'>;

export class RefinerClient {
  /** Null only while the constructor starts it with the first refinement. */
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Times the worker was started: 1 + restarts. */
  starts = 0;
  /** The refinement asked for last, running or answered (until it fails or another is asked for). */
  private last: (RefineInputs & { answer: Promise<Analysis> }) | null = null;

  /**
   * `create` starts a worker; given a request, the worker starts with it (see createRefinerWorker).
   * `first`, the page's first refinement, is given to the worker as it starts, and `refine` with the
   * same inputs is given its answer.
   */
  constructor(
    private readonly create: (first?: Request) => WorkerLike,
    private readonly timeLimitMs = REFINE_TIME_LIMIT_MS,
    first?: RefineInputs,
  ) {
    if (first) this.refine(first).catch(() => {});
    else this.worker = this.start();
  }

  private start(first?: Request): WorkerLike {
    const w = this.create(first);
    this.starts++;
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.restart(
        new Error(
          `The refiner stopped unexpectedly${e.message ? ` (${e.message})` : ''}; it was restarted.`,
        ),
      );
    };
    return w;
  }

  private receive(r: Response): void {
    const p = this.pending.get(r.id);
    if (!p) return; // an answer to a request that was cancelled
    this.pending.delete(r.id);
    if (p.refine) this.clearTimer();
    if (r.type === 'error') p.reject(new Error(`The refiner failed: ${r.message}`));
    else p.resolve(r);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Terminates the worker, fails everything pending with `reason`, and starts a new one. A restart
   * that only cancels an older refinement keeps the catalog lookups waiting behind it (a hover, a
   * completion): the new worker is asked them, so a hover made while an edit refines still shows.
   */
  private restart(reason: Error): void {
    this.clearTimer();
    this.worker?.terminate();
    const pending = [...this.pending.entries()];
    this.pending.clear();
    const worker = this.start();
    this.worker = worker;
    for (const [id, p] of pending) {
      if (p.lookup && reason instanceof RefinerCancelled) {
        this.pending.set(id, p);
        worker.postMessage(p.lookup);
      } else p.reject(reason);
    }
  }

  private send(req: Omit2<Request>): Promise<Response> {
    const id = this.nextId++;
    const refine = req.type === 'refine';
    const message = { ...req, id } as Request;
    const lookup = req.type === 'hover' || req.type === 'complete' ? message : undefined;
    return new Promise<Response>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, refine, lookup });
      if (this.worker) this.worker.postMessage(message);
      else this.worker = this.start(message);
    });
  }

  get busy(): boolean {
    return [...this.pending.values()].some((p) => p.refine);
  }

  /**
   * The inputs of the last refinement that gave a recommendation, and the id the worker now knows it
   * by: a worker restarted since (to cancel a newer input) has lost it and is told them again.
   */
  private answered: { id: number; inputs: RefineInputs; workerId: number } | null = null;

  /**
   * Refines, cancelling a different refinement still running. The same inputs as the last refinement
   * share its answer, whether it is still running or has answered: the page asks for the first
   * answer before the app's code has loaded, then again when the app mounts, and the worker has often
   * answered by then (asking it again cost a round trip, 20-60 ms, before the answer was drawn). A
   * refinement that failed or was cancelled is asked for again.
   */
  refine(req: RefineInputs): Promise<Analysis> {
    const last = this.last;
    if (last && sameRequest(last, req)) return last.answer;
    const answer = this.refineNow(req);
    const entry = { ...req, answer };
    this.last = entry;
    answer.catch(() => {
      if (this.last === entry) this.last = null;
    });
    return answer;
  }

  private async refineNow(req: RefineInputs): Promise<Analysis> {
    if (this.busy) this.restart(new RefinerCancelled());
    const analysis = await this.refineOnce(req);
    if (analysis.recommendation)
      this.answered = { id: analysis.refinement, inputs: req, workerId: analysis.refinement };
    return analysis;
  }

  private async refineOnce(req: RefineInputs): Promise<Analysis> {
    const answer = this.send({ type: 'refine', ...req });
    this.timer = setTimeout(
      () =>
        this.restart(
          new Error(
            `The refiner took longer than ${this.timeLimitMs / 1000} s on this input and was stopped; it was restarted.`,
          ),
        ),
      this.timeLimitMs,
    );
    const r = await answer;
    if (r.type !== 'refine') throw new Error(`unexpected answer ${r.type}`);
    return r.analysis;
  }

  async complete(prefix: string): Promise<Completion[]> {
    const r = await this.send({ type: 'complete', prefix } satisfies Omit<CompleteRequest, 'id'>);
    return r.type === 'complete' ? r.items : [];
  }

  async hover(pattern: string): Promise<HoverInfo | null> {
    const r = await this.send({ type: 'hover', pattern } satisfies Omit<HoverRequest, 'id'>);
    return r.type === 'hover' ? r.info : null;
  }

  /** The trie behind a pattern of the refinement `req.refinement` (an Analysis's `refinement`). */
  async trie(req: Omit<TrieRequest, 'id' | 'type'>): Promise<PatternTrie | null> {
    const known = this.answered?.id === req.refinement ? this.answered : null;
    const ask = () =>
      this.send({ type: 'trie', ...req, refinement: known?.workerId ?? req.refinement });
    let r = await ask();
    if (r.type === 'trie' && r.unknown && known) {
      const again = await this.refineOnce(known.inputs);
      known.workerId = again.refinement;
      r = await ask();
    }
    if (r.type === 'trie' && r.unknown)
      throw new Error(
        'This result is no longer held by the refiner: edit the input to refine it again.',
      );
    return r.type === 'trie' ? r.trie : null;
  }

  dispose(): void {
    this.clearTimer();
    this.worker?.terminate();
    this.pending.clear();
  }
}

/** The same refinement asked for: inputs, keep list and what-if marks. */
function sameRequest(a: RefineInputs, b: RefineInputs): boolean {
  return (
    a.policy === b.policy &&
    a.unused === b.unused &&
    a.used === b.used &&
    (a.keep ?? '') === (b.keep ?? '') &&
    JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? [])
  );
}

/** A first request longer than this is posted as a message rather than put in the worker's name. */
export const BOOT_NAME_CHARS = 64 * 1024;

/** The refiner worker; `first`, a request to start with, goes in its name when it is short enough. */
export function createRefinerWorker(first?: Request): WorkerLike {
  const text = first ? JSON.stringify(first) : '';
  const inName = first?.type === 'refine' && text.length <= BOOT_NAME_CHARS;
  const worker = new RefinerWorker({
    name: inName ? BOOT_NAME_PREFIX + text : 'refiner',
  }) as unknown as WorkerLike;
  if (first && !inName) worker.postMessage(first);
  return worker;
}
