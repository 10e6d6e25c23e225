// What one Allow statement reaches over the universe, and of that what the refiner takes away: what
// rules 2 and 3 start from, statement after statement.
import type { Universe } from './universe';
import { clearServices, statementReach, type StatementActions } from './verify';

/**
 * What a statement allows, and of that what is taken away, as bits over the universe. The arrays are
 * reused by every statement: only the services a statement reached are cleared before the next.
 */
export class Reach {
  readonly allowed: Uint8Array;
  readonly needed: Uint8Array;
  /** Every action taken away from some statement: what the policy allowed that was unused. */
  readonly allowedUnused: Uint8Array;
  services: number[] = [];
  neededCount = 0;
  allowedCount = 0;

  constructor(
    private readonly u: Universe,
    private readonly unused: Uint8Array,
  ) {
    this.allowed = new Uint8Array(u.size);
    this.needed = new Uint8Array(u.size);
    this.allowedUnused = new Uint8Array(u.size);
  }

  of(s: StatementActions): void {
    const { u, allowed, needed, unused } = this;
    clearServices(u, allowed, this.services);
    clearServices(u, needed, this.services);
    this.services = statementReach(u, s, allowed);
    this.neededCount = 0;
    this.allowedCount = 0;
    for (const si of this.services)
      for (let g = u.offsets[si]; g < u.offsets[si + 1]; g++) {
        needed[g] = allowed[g] & unused[g];
        this.neededCount += needed[g];
        this.allowedCount += allowed[g];
        this.allowedUnused[g] |= needed[g];
      }
  }
}
