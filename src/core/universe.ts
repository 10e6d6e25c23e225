// The universe (docs/refinement.md): the catalog's actions plus every concrete action the policy or
// the findings name, indexed so that the actions of one service, and those sharing a prefix, are
// contiguous. Catalog-derived parts are built once per catalog and shared across refinements.
import { lowerBound, upperBound } from './search';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Tagging' | 'Permissions management';

export const ACCESS_LEVELS: readonly AccessLevel[] = [
  'List',
  'Read',
  'Write',
  'Permissions management',
  'Tagging',
];

/**
 * IAM compares action names without regard to case, and so does the refiner, but only for ASCII
 * letters: `toLowerCase` alone would turn a look-alike such as the Kelvin sign (U+212A) into `k` and
 * let `\u212Ams:*` match every kms action. Names with any other character match nothing anyway.
 */
export function foldCase(text: string): string {
  // A search for a unit past ASCII, not a loop over the characters: a service's names are all folded
  // on first use, and the loop made this function hot enough in a CLI run for V8 to optimise it on a
  // background thread (~7 ms of CPU, which the process then waits for before it exits).
  return NOT_ASCII.test(text)
    ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase())
    : text.toLowerCase();
}

const NOT_ASCII = /[\u0080-\uffff]/;

export interface ServiceCatalog {
  /** The service prefix, lower case: `s3`, `vpc-lattice`. */
  readonly key: string;
  /** Action names in the catalog's spelling, sorted by their lower-case form. */
  readonly names: readonly string[];
  readonly levels: readonly (AccessLevel | undefined)[];
  /** How many names there are, when a catalog can tell without decoding them (see CatalogService). */
  readonly count?: number;
}

export interface Catalog {
  readonly version: string;
  readonly date: string;
  readonly services: ReadonlyMap<string, ServiceCatalog>;
  readonly actionCount: number;
}

/** One service of the universe: the catalog's actions plus those only the inputs name. */
export interface UniverseService extends ServiceCatalog {
  /** The number of actions: `names.length`, known without materialising the names. */
  readonly size: number;
  readonly lower: readonly string[];
  /** Whether each action comes from the catalog (false: named only by the policy or the findings). */
  readonly known: readonly boolean[];
  readonly inCatalog: boolean;
}

export class Universe {
  readonly services: readonly UniverseService[];
  /** offsets[i] is the global index of services[i]'s first action. */
  readonly offsets: Int32Array;
  readonly size: number;
  private readonly byKey = new Map<string, number>();
  /** Each service's spelling index once looked up (null before): an array, not a map, per lookup. */
  private readonly spellings: (Map<string, number> | null)[];

  constructor(
    readonly catalog: Catalog,
    services: UniverseService[],
  ) {
    this.services = services;
    this.offsets = new Int32Array(services.length + 1);
    this.spellings = services.map(() => null);
    let at = 0;
    services.forEach((s, i) => {
      this.byKey.set(s.key, i);
      this.offsets[i] = at;
      at += s.size;
    });
    this.offsets[services.length] = at;
    this.size = at;
  }

  serviceIndex(key: string): number {
    return this.byKey.get(key) ?? this.byKey.get(foldCase(key)) ?? -1;
  }

  /** Name as spelled -> local index, for the service `si`. */
  spelling(si: number): ReadonlyMap<string, number> {
    return (this.spellings[si] ??= spellingIndex(this.services[si]));
  }

  /** Local index of `name` (any case) in service `si`, or -1: one lookup for the catalog's spelling. */
  localIndex(si: number, name: string, spelling = this.spelling(si)): number {
    const exact = spelling.get(name);
    if (exact !== undefined) return exact;
    const s = this.services[si];
    const lower = foldCase(name);
    const local = lowerBound(s.lower, lower);
    return local < s.lower.length && s.lower[local] === lower ? local : -1;
  }

  /** Global index of `svc:Name` (any case), or -1. */
  indexOf(service: string, name: string): number {
    const si = this.serviceIndex(service);
    if (si < 0) return -1;
    const local = this.localIndex(si, name);
    return local < 0 ? -1 : this.offsets[si] + local;
  }

  /** The service index of a global action index. */
  serviceOf(global: number): number {
    // The last service starting at or before `global` (the offset after the last one is not a
    // service's).
    return Math.max(upperBound(this.offsets, global, 0, this.services.length) - 1, 0);
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

/** [lo, hi) of the names that start with `prefix` (all lower case). */
export function prefixRange(
  sorted: readonly string[],
  prefix: string,
  lo = 0,
  hi = sorted.length,
): [number, number] {
  const a = lowerBound(sorted, prefix, lo, hi);
  // The names from `a` on that start with `prefix` come first: the end is where they stop. Searched
  // with startsWith rather than below `prefix + '\uffff'`, which builds a two-byte string per call.
  let b = hi;
  lo = a;
  while (lo < b) {
    const mid = (lo + b) >>> 1;
    if (sorted[mid].startsWith(prefix)) lo = mid + 1;
    else b = mid;
  }
  return [a, b];
}

const baseUniverses = new WeakMap<Catalog, Universe>();
const spellingIndexes = new WeakMap<ServiceCatalog, Map<string, number>>();

/**
 * Name as the catalog spells it -> local index. Findings copy the catalog's spelling, so 21,000 of
 * them are found without lower-casing or searching. Built once per service and kept with it.
 */
function spellingIndex(s: ServiceCatalog): Map<string, number> {
  let index = spellingIndexes.get(s);
  if (!index) {
    index = new Map(s.names.map((n, i) => [n, i]));
    spellingIndexes.set(s, index);
  }
  return index;
}

/** The universe of the catalog alone, built once per catalog. */
export function catalogUniverse(catalog: Catalog): Universe {
  let universe = baseUniverses.get(catalog);
  if (!universe) {
    const base = [...catalog.services.values()]
      .map((s) => new CatalogService(s))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    baseUniverses.set(catalog, (universe = new Universe(catalog, base)));
  }
  return universe;
}

/** Whether the catalog has `service:name`, in any case. */
export function inCatalog(catalog: Catalog, service: string, name: string): boolean {
  const u = catalogUniverse(catalog);
  const si = u.serviceIndex(service);
  return si >= 0 && u.localIndex(si, name) >= 0;
}

/**
 * A catalog service in the universe, materialised on first use: a run that touches two services
 * decodes and lower-cases those two, not all 456 (the CLI's start-up is mostly this).
 */
class CatalogService implements UniverseService {
  readonly key: string;
  readonly size: number;
  readonly inCatalog = true;
  private lowered: readonly string[] | null = null;
  private knownAll: readonly boolean[] | null = null;

  constructor(private readonly source: ServiceCatalog) {
    this.key = source.key;
    this.size = source.count ?? source.names.length;
  }

  get names(): readonly string[] {
    return this.source.names;
  }

  get levels(): readonly (AccessLevel | undefined)[] {
    return this.source.levels;
  }

  get lower(): readonly string[] {
    return (this.lowered ??= this.source.names.map(foldCase));
  }

  get known(): readonly boolean[] {
    return (this.knownAll ??= new Array<boolean>(this.size).fill(true));
  }
}

/** A concrete action named by the user: `svc:Name`, no wildcard. */
export interface NamedAction {
  service: string;
  name: string;
}

export function buildUniverse(catalog: Catalog, extra: Iterable<NamedAction>): Universe {
  const base = catalogUniverse(catalog);
  const additions = new Map<string, Map<string, string>>();
  for (const { service, name } of extra) {
    // A wildcard is never an action: written into NotAction it would match far more than itself.
    if (/[*?]/.test(service) || /[*?]/.test(name) || inCatalog(catalog, service, name)) continue;
    const key = service.toLowerCase();
    const lower = foldCase(name);
    let names = additions.get(key);
    if (!names) additions.set(key, (names = new Map()));
    if (!names.has(lower)) names.set(lower, name);
  }
  if (additions.size === 0) return base;
  const services = base.services.slice();
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
      size: rows.length,
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
