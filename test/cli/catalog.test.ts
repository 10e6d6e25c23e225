// The CLI's catalog file (catalog.txt beside the bundle): the same catalog as the app's, read a
// service at a time, and a damaged file refused with what to do.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogPath, loadCatalog } from '../../src/catalog/node';
import { cliCatalogText, readCliCatalog } from '../../src/cli/catalog';

const raw = JSON.parse(readFileSync(catalogPath(), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'cli-catalog-'));
const file = join(dir, 'catalog.txt');
writeFileSync(file, cliCatalogText(raw));

describe('the CLI catalog file', () => {
  test('holds every service with the names and access levels of the catalog', () => {
    const expected = loadCatalog();
    const read = readCliCatalog(file);
    expect(read.version).toBe(expected.version);
    expect(read.date).toBe(expected.date);
    expect(read.actionCount).toBe(expected.actionCount);
    expect([...read.services.keys()]).toEqual([...expected.services.keys()]);
    for (const [key, s] of expected.services) {
      const r = read.services.get(key)!;
      expect(r.count).toBe(s.names.length);
      expect(r.names).toEqual(s.names);
      expect(r.levels).toEqual(s.levels);
    }
  });

  test('is ASCII, so reading it as Latin-1 is exact', () => {
    expect(/[^\n\x20-\x7e]/.test(cliCatalogText(raw))).toBe(false);
  });

  test('a cut or foreign file is refused with how to rebuild it', () => {
    const text = cliCatalogText(raw);
    const cut = join(dir, 'cut.txt');
    writeFileSync(cut, text.slice(0, text.length - 100));
    const catalog = readCliCatalog(cut);
    // The header reads; the last service's line is where the file is short.
    const last = [...catalog.services.values()].at(-1)!;
    expect(() => last.names).toThrow(/shorter than its header says; build the command again/);
    const foreign = join(dir, 'foreign.txt');
    writeFileSync(foreign, text.replace('"format":1', '"format":9'));
    expect(() => readCliCatalog(foreign)).toThrow(/format 9 is not 1/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, 'no header');
    expect(() => readCliCatalog(empty)).toThrow(/no header line/);
  });
});
