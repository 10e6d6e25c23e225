// The universe (SPEC.md): every action of the catalog plus every concrete action the policy or the
// findings name, indexed so that the actions of one service, and those sharing a prefix, are
// contiguous. Catalog-derived parts are built once per catalog and shared across refinements.

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Tagging' | 'Permissions management';

export interface ServiceCatalog {
  /** The service prefix, lower case: `s3`, `vpc-lattice`. */
  readonly key: string;
  /** Action names in the catalog's spelling, sorted by their lower-case form. */
  readonly names: readonly string[];
  readonly levels: readonly (AccessLevel | undefined)[];
}

export interface Catalog {
  readonly version: string;
  readonly date: string;
  readonly services: ReadonlyMap<string, ServiceCatalog>;
  readonly actionCount: number;
}

/** One service of the universe: the catalog's actions plus those only the inputs name. */
export interface UniverseService extends ServiceCatalog {
  readonly lower: readonly string[];
  /** Whether each action comes from the catalog (false: named only by the policy or the findings). */
  readonly known: readonly boolean[];
  readonly inCatalog: boolean;
}

export interface ActionRef {
  service: UniverseService;
  local: number;
  global: number;
}

export class Universe {
  readonly services: readonly UniverseService[];
  /** offsets[i] is the global index of services[i]'s first action. */
  readonly offsets: Int32Array;
  readonly size: number;
  private readonly byKey = new Map<string, number>();

  constructor(
    readonly catalog: Catalog,
    services: UniverseService[],
  ) {
    this.services = services;
    this.offsets = new Int32Array(services.length + 1);
    let at = 0;
    services.forEach((s, i) => {
      this.byKey.set(s.key, i);
      this.offsets[i] = at;
      at += s.names.length;
    });
    this.offsets[services.length] = at;
    this.size = at;
  }

  serviceIndex(key: string): number {
    return this.byKey.get(key.toLowerCase()) ?? -1;
  }

  /** Global index of `svc:Name` (any case), or -1. */
  indexOf(service: string, name: string): number {
    const si = this.serviceIndex(service);
    if (si < 0) return -1;
    const local = lowerBound(this.services[si].lower, name.toLowerCase());
    const s = this.services[si];
    return local < s.lower.length && s.lower[local] === name.toLowerCase()
      ? this.offsets[si] + local
      : -1;
  }

  /** The service index of a global action index. */
  serviceOf(global: number): number {
    let lo = 0;
    let hi = this.services.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= global) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** `svc:Name` in the catalog's spelling (or the user's, for actions the catalog lacks). */
  actionName(global: number): string {
    const si = this.serviceOf(global);
    return `${this.services[si].key}:${this.services[si].names[global - this.offsets[si]]}`;
  }

  level(global: number): AccessLevel | undefined {
    const si = this.serviceOf(global);
    return this.services[si].levels[global - this.offsets[si]];
  }

  isKnown(global: number): boolean {
    const si = this.serviceOf(global);
    return this.services[si].known[global - this.offsets[si]];
  }
}

export function lowerBound(
  sorted: readonly string[],
  key: string,
  lo = 0,
  hi = sorted.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [lo, hi) of the names that start with `prefix` (all lower case). */
export function prefixRange(
  sorted: readonly string[],
  prefix: string,
  lo = 0,
  hi = sorted.length,
): [number, number] {
  const a = lowerBound(sorted, prefix, lo, hi);
  const b = lowerBound(sorted, prefix + '\uffff', a, hi);
  return [a, b];
}

const baseServices = new WeakMap<Catalog, UniverseService[]>();
const baseUniverses = new WeakMap<Catalog, Universe>();
const localIndexes = new WeakMap<ServiceCatalog, Map<string, number>>();

/** Lower-case name -> local index, built once per service and shared by every universe that has it. */
function localIndex(s: ServiceCatalog): Map<string, number> {
  let index = localIndexes.get(s);
  if (!index) {
    index = new Map(s.names.map((n, i) => [n.toLowerCase(), i]));
    localIndexes.set(s, index);
  }
  return index;
}

function fromCatalog(s: ServiceCatalog): UniverseService {
  return {
    key: s.key,
    names: s.names,
    levels: s.levels,
    lower: s.names.map((n) => n.toLowerCase()),
    known: s.names.map(() => true),
    inCatalog: true,
  };
}

/** A concrete action named by the user: `svc:Name`, no wildcard. */
export interface NamedAction {
  service: string;
  name: string;
}

export function buildUniverse(catalog: Catalog, extra: Iterable<NamedAction>): Universe {
  let base = baseServices.get(catalog);
  if (!base) {
    base = [...catalog.services.values()].map(fromCatalog).sort((a, b) => (a.key < b.key ? -1 : 1));
    baseServices.set(catalog, base);
  }
  const additions = new Map<string, Map<string, string>>();
  for (const { service, name } of extra) {
    const key = service.toLowerCase();
    const lower = name.toLowerCase();
    const known = catalog.services.get(key);
    if (known && localIndex(known).has(lower)) continue;
    let names = additions.get(key);
    if (!names) additions.set(key, (names = new Map()));
    if (!names.has(lower)) names.set(lower, name);
  }
  if (additions.size === 0) {
    let universe = baseUniverses.get(catalog);
    if (!universe) baseUniverses.set(catalog, (universe = new Universe(catalog, base)));
    return universe;
  }
  const services = base.slice();
  const position = new Map(services.map((s, i) => [s.key, i]));
  for (const [key, names] of additions) {
    const at = position.get(key) ?? -1;
    const existing = at >= 0 ? services[at] : undefined;
    const rows: [string, string, AccessLevel | undefined, boolean][] = existing
      ? existing.names.map((n, i) => [existing.lower[i], n, existing.levels[i], true])
      : [];
    for (const [lower, name] of names) rows.push([lower, name, undefined, false]);
    rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const merged: UniverseService = {
      key,
      lower: rows.map((r) => r[0]),
      names: rows.map((r) => r[1]),
      levels: rows.map((r) => r[2]),
      known: rows.map((r) => r[3]),
      inCatalog: existing !== undefined,
    };
    if (at >= 0) services[at] = merged;
    else position.set(key, services.push(merged) - 1);
  }
  services.sort((a, b) => (a.key < b.key ? -1 : 1));
  return new Universe(catalog, services);
}
