// Bundles the CLI into files Node runs directly (Node 20 cannot run TypeScript): cli.cjs, the
// command, and refine.cjs, which starts it (as the command and as its refining child) with a V8 code
// cache made here by running it on the worked example; and beside them the catalog, catalog.txt,
// read as a run refines. CommonJS, minified: Node starts it ~15 ms sooner than the ES module it was
// (no ES module loader, less to parse). import.meta.url, which the account CLI gives its worker
// threads, is cli.cjs's; import.meta.dirname is dist-cli.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { workedExampleFiles } from '../examples/files.mjs';

const common = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
};
// Built in a directory of its own, then moved into dist-cli file by file (a rename replaces a file at
// once): a command started meanwhile, or another build (the CLI tests build in parallel), never
// reads a file half written.
mkdirSync('dist-cli', { recursive: true });
const out = mkdtempSync('dist-cli/.build-');
// Gone however the build ends (emptied by the moves when it succeeds).
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
await build({
  ...common,
  entryPoints: ['src/cli/entry.ts'],
  outfile: join(out, 'cli.cjs'),
  // The file's URL is made when asked for (a child or the account's threads), not at every start.
  define: { 'import.meta.url': '__cliFile.url', 'import.meta.dirname': '__dirname' },
  banner: {
    js: "const __cliFile = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
  },
});
await build({ ...common, entryPoints: ['src/cli/start.ts'], outfile: join(out, 'refine.cjs') });

// The catalog beside them, in the file src/cli/catalog.ts reads (written by its own cliCatalogText).
// Read as Latin-1, one byte a character, like cli.cjs in refine.cjs: exact for ASCII only, which
// esbuild writes (escapes for anything else) and the catalog's names are; checked here.
const ascii = (file, text) => {
  const at = text.search(/[^\t\n\r\x20-\x7e]/);
  if (at >= 0) throw new Error(`${file}: a character outside printable ASCII at offset ${at}`);
  return text;
};
ascii('cli.cjs', readFileSync(join(out, 'cli.cjs'), 'utf8'));
const [writer] = (
  await build({ ...common, entryPoints: ['src/cli/catalog.ts'], format: 'esm', write: false })
).outputFiles;
const { cliCatalogText } = await import(
  `data:text/javascript;base64,${Buffer.from(writer.contents).toString('base64')}`
);
const raw = JSON.parse(readFileSync('src/catalog/generated/catalog.json', 'utf8'));
writeFileSync(join(out, 'catalog.txt'), ascii('catalog', cliCatalogText(raw)));

// Two runs of the worked example, each writing the code cache of what it ran: the command refining
// in its own process, then the child (an explicit time limit sends the job there).
const { policy, unused } = await workedExampleFiles();
const run = [join(out, 'refine.cjs'), '--policy', policy, '--unused', unused, '--format', 'aws'];
for (const [role, args] of [
  ['command', run],
  ['job', [...run, '--time-limit', '30']],
])
  execFileSync(process.execPath, args, {
    stdio: 'ignore',
    env: { ...process.env, REFINE_CODE_CACHE: role },
  });
for (const file of readdirSync(out)) renameSync(join(out, file), join('dist-cli', file));
