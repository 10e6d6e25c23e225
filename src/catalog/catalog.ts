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

/** One line of the catalog, decoded on first use. */
class EncodedService implements ServiceCatalog {
  private decoded: { names: string[]; levels: AccessLevel[] } | null = null;

  constructor(
    readonly key: string,
    readonly count: number,
    private readonly line: string,
    private readonly levelCodes: string,
  ) {}

  get names(): readonly string[] {
    return (this.decoded ??= this.decode()).names;
  }

  get levels(): readonly AccessLevel[] {
    return (this.decoded ??= this.decode()).levels;
  }

  private decode(): { names: string[]; levels: AccessLevel[] } {
    const items = this.line.split(' ');
    const names: string[] = [];
    const levels: AccessLevel[] = [];
    let previous = '';
    for (let i = 1; i < items.length; i++) {
      previous = previous.slice(0, items[i].charCodeAt(0) - 48) + items[i].slice(1);
      names.push(previous);
      levels.push(LEVELS[this.levelCodes[i - 1]]);
    }
    return { names, levels };
  }
}

export function decodeCatalog(raw: RawCatalog): Catalog {
  if (raw.format !== 4)
    throw new Error(`catalog format ${raw.format} is not 4: run npm run catalog`);
  const services = new Map<string, ServiceCatalog>();
  let actionCount = 0;
  raw.services.split('\n').forEach((line, i) => {
    const count = raw.counts[i];
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const levels = raw.levels.slice(actionCount, actionCount + count);
    services.set(key, new EncodedService(key, count, line, levels));
    actionCount += count;
  });
  return { version: raw.version, date: raw.date, services, actionCount };
}
