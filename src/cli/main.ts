// Entry point of the bundled CLI (dist-cli/refine.mjs). The catalog is bundled in, so the command
// needs nothing but Node.
import { readFileSync } from 'node:fs';
import { decodeCatalog, type RawCatalog } from '../catalog/catalog';
import raw from '../catalog/generated/catalog.json';
import { runCli } from './refine';

let status: number;
try {
  status = runCli(
    process.argv.slice(2),
    {
      readFile: (path) => readFileSync(path, 'utf8'),
      readStdin: () => readFileSync(0, 'utf8'),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    },
    () => decodeCatalog(raw as unknown as RawCatalog),
  );
} catch (e) {
  process.stderr.write(
    `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
  );
  status = 1;
}
process.exitCode = status;
