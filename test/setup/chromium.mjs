// Run by `npm test` before anything else: the browser tests need Debian's Chromium. When it is
// missing, install it if this process can (root, with apt-get), or stop at once with one line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * What to do about Chromium, as a value: `ok`, or the one line to print and whether it failed.
 * `system` gives what is needed of the machine, so each branch can be tested without changing it.
 */
export function ensureChromium(system) {
  const path = system.chromiumPath ?? DEFAULT_CHROMIUM;
  if (system.exists(path)) return { ok: true };
  const how = `install it with \`apt-get install chromium\` (as root) or set CHROMIUM_PATH to a Chromium binary, then run \`npm test\` again`;
  // A path the user chose is theirs to fix: installing Debian's package would not put it there.
  if (system.chromiumPath !== undefined)
    return {
      ok: false,
      line: `The browser tests need Chromium, and CHROMIUM_PATH=${path} does not exist: ${how}.`,
    };
  if (!system.isRoot() || !system.hasAptGet())
    return {
      ok: false,
      line: `The browser tests need Chromium at ${path}, which is missing: ${how}.`,
    };
  system.log(
    `Chromium is missing at ${path}: installing Debian's chromium (apt-get install chromium) for the browser tests.`,
  );
  const status = system.install();
  if (status === 0 && system.exists(path)) return { ok: true };
  return {
    ok: false,
    line: `The browser tests need Chromium at ${path}, and \`apt-get install chromium\` did not provide it (exit ${status}): ${how}.`,
  };
}

/** This machine, as ensureChromium sees it. */
export const thisMachine = {
  chromiumPath: process.env.CHROMIUM_PATH || undefined,
  exists: existsSync,
  isRoot: () => process.getuid?.() === 0,
  hasAptGet: () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  install: () =>
    spawnSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    ).status ?? 1,
  log: (line) => console.log(line),
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = ensureChromium(thisMachine);
  if (!result.ok) {
    console.error(result.line);
    process.exit(1);
  }
}
