// Decodes the compact catalog written by generate.mjs into core's Catalog. Pure: used by the worker
// (which imports the JSON through Vite) and by Node (which reads the file).
import type { AccessLevel, Catalog, ServiceCatalog } from '../core/universe';

export interface RawCatalog {
  format: number;
  version: string;
  date: string;
  serviceCount: number;
  actionCount: number;
  /** One line per service: its key, then its front-coded names, all separated by spaces. */
  services: string;
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

export function decodeCatalog(raw: RawCatalog): Catalog {
  if (raw.format !== 3)
    throw new Error(`catalog format ${raw.format} is not 3: run npm run catalog`);
  const services = new Map<string, ServiceCatalog>();
  let actionCount = 0;
  for (const line of raw.services.split('\n')) {
    const items = line.split(' ');
    const key = items[0];
    const names: string[] = [];
    let previous = '';
    for (let i = 1; i < items.length; i++) {
      previous = previous.slice(0, items[i].charCodeAt(0) - 48) + items[i].slice(1);
      names.push(previous);
    }
    const levels: AccessLevel[] = [];
    for (let i = 0; i < names.length; i++) levels.push(LEVELS[raw.levels[actionCount + i]]);
    services.set(key, { key, names, levels });
    actionCount += names.length;
  }
  return { version: raw.version, date: raw.date, services, actionCount };
}
