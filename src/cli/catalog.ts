// The CLI's catalog is a file beside the bundle (dist-cli/catalog.txt, written by build.mjs), not a
// string inside it: the bundle and its V8 code cache are a quarter of the size Node would otherwise
// read, check and deserialize at every start, and a run reads only the lines of the services it
// touches (the worked example: two of 456).
//
// The file: a JSON header line ({format, version, date, keys, counts, lengths}: each service's key,
// number of names and line length in bytes), then one line of every action's access-level letter,
// then the catalog's service lines (catalog.ts's RawCatalog.services). All ASCII.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { catalogOf, lineKey, type RawCatalog } from '../catalog/catalog';
import type { Catalog } from '../core';

export const CLI_CATALOG_FORMAT = 1;

interface Header {
  format: number;
  version: string;
  date: string;
  keys: string[];
  counts: number[];
  lengths: number[];
}

/** `length` bytes of the open file `fd` at `position`, as text (ASCII); fewer at its end. */
function readAt(fd: number, position: number, length: number): string {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return bytes.toString('latin1', 0, done);
}

/**
 * The catalog in the CLI's file: its header is read now, and each service's line and levels only
 * when its names are (a few kilobytes for a run that touches two services, not 370).
 */
export function readCliCatalog(path: string): Catalog {
  const damaged = (why: string) =>
    new Error(`${path}: ${why}; build the command again (npm run refine)`);
  // Opened once and kept open for the process: each service touched reads its line and levels.
  const fd = openSync(path, 'r');
  let header: Header;
  let headerEnd = -1;
  try {
    let head = '';
    for (let chunk = 16384; headerEnd < 0; chunk *= 4) {
      head = readAt(fd, 0, chunk);
      headerEnd = head.indexOf('\n');
      if (headerEnd < 0 && head.length < chunk) throw damaged('no header line');
    }
    header = JSON.parse(head.slice(0, headerEnd)) as Header;
    if (header.format !== CLI_CATALOG_FORMAT)
      throw damaged(`format ${header.format} is not ${CLI_CATALOG_FORMAT}`);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  const n = header.keys.length;
  const levelStarts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) levelStarts[i + 1] = levelStarts[i] + header.counts[i];
  const levelsAt = headerEnd + 1;
  const lineStarts = new Int32Array(n + 1);
  lineStarts[0] = levelsAt + levelStarts[n] + 1;
  for (let i = 0; i < n; i++) lineStarts[i + 1] = lineStarts[i] + header.lengths[i] + 1;
  const read = (position: number, length: number): string => {
    const text = readAt(fd, position, length);
    if (text.length !== length) throw damaged('it is shorter than its header says');
    return text;
  };
  return catalogOf({
    version: header.version,
    date: header.date,
    keys: header.keys,
    counts: header.counts,
    line: (i) => read(lineStarts[i], header.lengths[i]),
    levels: (i) => read(levelsAt + levelStarts[i], header.counts[i]),
  });
}

/** The file's text for a catalog as generate.mjs writes it (build.mjs writes it as this says). */
export function cliCatalogText(
  raw: Pick<RawCatalog, 'version' | 'date' | 'services' | 'counts' | 'levels'>,
): string {
  const lines = raw.services.split('\n');
  const header: Header = {
    format: CLI_CATALOG_FORMAT,
    version: raw.version,
    date: raw.date,
    keys: lines.map(lineKey),
    counts: raw.counts,
    lengths: lines.map((line) => line.length),
  };
  return `${JSON.stringify(header)}\n${raw.levels}\n${raw.services}`;
}

let catalog: Catalog | undefined;

/** The catalog shipped with the bundled command, indexed once per process. */
export function cliCatalog(): Catalog {
  return (catalog ??= readCliCatalog(join(import.meta.dirname, 'catalog.txt')));
}
