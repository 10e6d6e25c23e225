// The file Node runs (dist-cli/refine.cjs): it compiles the bundled command (cli.cjs) with the V8
// code cache the build made by running it once, so a run does not parse and compile again the
// functions it uses (~15 ms; Node 20 has no compile cache of its own). A cache made by another Node
// is rejected by V8 and the code compiles as usual. With REFINE_CODE_CACHE=write, the run writes it.
// cli.cjs is ASCII (build.mjs checks), so it is read as Latin-1: a one-byte string without UTF-8
// decoding, about 1 ms sooner than 'utf8'.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

const file = join(__dirname, 'cli.cjs');
const cacheFile = `${file}.cache`;
const writing = process.env.REFINE_CODE_CACHE === 'write';
let cachedData: Buffer | undefined;
if (!writing)
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache: compiled as usual.
  }
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`,
  { filename: file, cachedData },
);
if (writing) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
(script.runInThisContext() as (...args: unknown[]) => void)(
  exports,
  require,
  module,
  file,
  __dirname,
);
