// Loads the generated catalog from disk, for the CLI, the tests and the benchmarks.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../core/universe';
import { decodeCatalog, type RawCatalog } from './catalog';

let cached: Catalog | undefined;

export function catalogPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'generated', 'catalog.json');
}

export function loadCatalog(path = catalogPath()): Catalog {
  if (!cached || path !== catalogPath()) {
    const catalog = decodeCatalog(JSON.parse(readFileSync(path, 'utf8')) as RawCatalog);
    if (path !== catalogPath()) return catalog;
    cached = catalog;
  }
  return cached;
}
