// Entry point of the bundled CLI (dist-cli/refine.cjs). The catalog is bundled in, so the command
// needs nothing but Node. Its start-up stays close to Node's own: CommonJS (Node's ES module loader
// costs ~5 ms more), output written straight to the file descriptors (process.stdout would load
// node:stream), and the catalog decoded service by service as the run reads it.
import { readFileSync, writeSync } from 'node:fs';
import { decodeCatalog, type RawCatalog } from '../catalog/catalog';
import raw from '../catalog/generated/catalog.json';
import { runCli } from './refine';

/** All of `text` to `fd`: a full pipe (EAGAIN) is waited out; a closed one (EPIPE) ends the output. */
function write(fd: number, text: string): void {
  let rest = Buffer.from(text, 'utf8');
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(fd, rest));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw e;
    }
  }
}

let status: number;
try {
  status = runCli(
    process.argv.slice(2),
    {
      readFile: (path) => readFileSync(path, 'utf8'),
      readStdin: () => readFileSync(0, 'utf8'),
      stdout: (text) => write(1, text),
      stderr: (text) => write(2, text),
    },
    () => decodeCatalog(raw as unknown as RawCatalog),
  );
} catch (e) {
  write(
    2,
    `refine: internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}\n`,
  );
  status = 1;
}
process.exitCode = status;
