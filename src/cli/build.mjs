// Bundles the CLI with its catalog into files Node runs directly (Node 20 cannot run TypeScript):
// cli.cjs, the command, and refine.cjs, which starts it with a V8 code cache made here by running
// it once on the worked example. CommonJS, minified: Node starts it ~15 ms sooner than the ES
// module it was (no ES module loader, less to parse). import.meta.url, which the account CLI gives
// its worker threads, is cli.cjs's.
import { execFileSync } from 'node:child_process';
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
await build({
  ...common,
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist-cli/cli.cjs',
  define: { 'import.meta.url': '__fileUrl' },
  banner: { js: "const __fileUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: ['src/cli/start.ts'], outfile: 'dist-cli/refine.cjs' });

// One run of the worked example, which writes the code cache of what it ran.
const { policy, unused } = await workedExampleFiles();
execFileSync(
  process.execPath,
  ['dist-cli/refine.cjs', '--policy', policy, '--unused', unused, '--format', 'aws'],
  { stdio: 'ignore', env: { ...process.env, REFINE_CODE_CACHE: 'write' } },
);
