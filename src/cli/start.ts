// The file Node runs (dist-cli/refine.cjs), as the command and as its refining child: it compiles the
// bundled command (cli.cjs) with a V8 code cache the build made by running it once on the worked
// example in that role, so a run does not parse and compile again the functions it uses (~15 ms;
// Node 20 has no compile cache of its own). The child has a cache of its own: it runs other
// functions, and under its heap bound, a flag V8 checks a cache against. A cache made by another Node
// or under other flags is rejected by V8 and the code compiles as usual. With REFINE_CODE_CACHE set
// to the role (command or job), a run in that role writes its cache.
// cli.cjs is ASCII (build.mjs checks), so it is read as Latin-1: a one-byte string without UTF-8
// decoding, about 1 ms sooner than 'utf8'.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { JOB_ROLE } from './roles';

const file = join(__dirname, 'cli.cjs');
const role = process.env[JOB_ROLE] === 'job' ? 'job' : 'command';
const cacheFile = role === 'job' ? `${file}.job.cache` : `${file}.cache`;
const writing = process.env.REFINE_CODE_CACHE === role;
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
