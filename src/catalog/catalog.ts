// Decodes the compact catalog written by generate.mjs into core's Catalog. Pure: used by the worker
// (which imports the JSON through Vite) and by Node (which reads the file). Each service's names are
// decoded when first read, so a run that touches two services never decodes the other 454.
import type { AccessLevel, Catalog, ServiceCatalog } from '../core/universe';

export interface RawCatalog {
  format: number;
  version: string;
  date: string;
  serviceCount: number;
  actionCount: number;
  /** One line per service: its key, then its front-coded names, all separated by spaces. */
  services: string;
  /** How many names each line holds: the catalog is indexed without reading the names. */
  counts: number[];
  /** One access-level letter per action, services in the order of the lines. */
  levels: string;
}

const LEVELS: Record<string, AccessLevel> = {
  L: 'List',
  R: 'Read',
  W: 'Write',
  T: 'Tagging',
  P: 'Permissions management',
};

/** Where a catalog's lines are read from: the strings of a RawCatalog, or the CLI's file. */
export interface CatalogLines {
  version: string;
  date: string;
  /** The services' keys, in the order of the lines. */
  keys: readonly string[];
  /** How many names each line holds. */
  counts: readonly number[];
  /** Line i: its key, then its front-coded names, all separated by spaces. */
  line(i: number): string;
  /** Line i's access-level letters, one per name. */
  levels(i: number): string;
}

/** One line of the catalog, read and decoded on first use. */
class EncodedService implements ServiceCatalog {
  private decoded: { names: string[]; levels: AccessLevel[] } | null = null;

  constructor(
    readonly key: string,
    readonly count: number,
    private readonly lines: CatalogLines,
    private readonly index: number,
  ) {}

  get names(): readonly string[] {
    return (this.decoded ??= this.decode()).names;
  }

  get levels(): readonly AccessLevel[] {
    return (this.decoded ??= this.decode()).levels;
  }

  private decode(): { names: string[]; levels: AccessLevel[] } {
    const items = this.lines.line(this.index).split(' ');
    const codes = this.lines.levels(this.index);
    const names: string[] = [];
    const levels: AccessLevel[] = [];
    let previous = '';
    for (let i = 1; i < items.length; i++) {
      previous = previous.slice(0, items[i].charCodeAt(0) - 48) + items[i].slice(1);
      names.push(previous);
      levels.push(LEVELS[codes[i - 1]]);
    }
    return { names, levels };
  }
}

/** The service a catalog line is about: its first word. */
export function lineKey(line: string): string {
  const space = line.indexOf(' ');
  return space < 0 ? line : line.slice(0, space);
}

/** A catalog over its lines; nothing is read until a service's names or levels are. */
export function catalogOf(lines: CatalogLines): Catalog {
  const services = new Map<string, ServiceCatalog>();
  let actionCount = 0;
  for (let i = 0; i < lines.keys.length; i++) {
    const key = lines.keys[i];
    services.set(key, new EncodedService(key, lines.counts[i], lines, i));
    actionCount += lines.counts[i];
  }
  return { version: lines.version, date: lines.date, services, actionCount };
}

export function decodeCatalog(raw: RawCatalog): Catalog {
  if (raw.format !== 4)
    throw new Error(`catalog format ${raw.format} is not 4: run npm run catalog`);
  const text = raw.services.split('\n');
  const starts = [0];
  for (const count of raw.counts) starts.push(starts[starts.length - 1] + count);
  return catalogOf({
    version: raw.version,
    date: raw.date,
    keys: text.map(lineKey),
    counts: raw.counts,
    line: (i) => text[i],
    levels: (i) => raw.levels.slice(starts[i], starts[i + 1]),
  });
}
