// Decodes the compact catalog written by generate.mjs into core's Catalog. Pure: used by the worker
// (which imports the JSON through Vite) and by Node (which reads the file).
import type { AccessLevel, Catalog, ServiceCatalog } from '../core/universe';

export interface RawCatalog {
  format: number;
  version: string;
  date: string;
  serviceCount: number;
  actionCount: number;
  /** service -> [front-coded names joined by spaces, one access-level letter per name] */
  services: Record<string, [string, string]>;
}

const LEVELS: Record<string, AccessLevel> = {
  L: 'List',
  R: 'Read',
  W: 'Write',
  T: 'Tagging',
  P: 'Permissions management',
};

export function decodeCatalog(raw: RawCatalog): Catalog {
  if (raw.format !== 2)
    throw new Error(`catalog format ${raw.format} is not 2: run npm run catalog`);
  const services = new Map<string, ServiceCatalog>();
  let actionCount = 0;
  for (const [key, [coded, levels]] of Object.entries(raw.services)) {
    const names: string[] = [];
    let previous = '';
    for (const item of coded.split(' ')) {
      previous = previous.slice(0, item.charCodeAt(0) - 48) + item.slice(1);
      names.push(previous);
    }
    services.set(key, { key, names, levels: [...levels].map((c) => LEVELS[c]) });
    actionCount += names.length;
  }
  return { version: raw.version, date: raw.date, services, actionCount };
}
