// The check `npm test` runs first: Chromium there, installed when this process can, or one line.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CHROMIUM, ensureChromium, type Machine } from './chromium.mjs';

/** A machine where only the paths in `present` exist, and apt-get puts Chromium in place if asked. */
function machine(over: Partial<Machine> & { present?: string[] } = {}) {
  const present = new Set(over.present ?? []);
  const calls = { installs: 0, logged: [] as string[] };
  const m: Machine = {
    chromiumPath: undefined,
    exists: (p) => present.has(p),
    isRoot: () => true,
    hasAptGet: () => true,
    install: () => {
      calls.installs++;
      present.add(DEFAULT_CHROMIUM);
      return 0;
    },
    log: (line) => calls.logged.push(line),
    ...over,
  };
  return { m, calls };
}

const oneLine = (r: { ok: boolean; line?: string }) => {
  expect(r.ok).toBe(false);
  expect(r.line).not.toMatch(/\n/);
  return r.line ?? '';
};

describe('ensureChromium', () => {
  test('Chromium in place: nothing to do', () => {
    const { m, calls } = machine({ present: [DEFAULT_CHROMIUM] });
    expect(ensureChromium(m)).toEqual({ ok: true });
    expect(calls.installs).toBe(0);
  });

  test('missing, as root with apt-get: installs Debian chromium and says so in one line', () => {
    const { m, calls } = machine();
    expect(ensureChromium(m)).toEqual({ ok: true });
    expect(calls.installs).toBe(1);
    expect(calls.logged).toEqual([
      `Chromium is missing at ${DEFAULT_CHROMIUM}: installing Debian's chromium (apt-get install chromium) for the browser tests.`,
    ]);
  });

  test.each([
    ['not root', { isRoot: () => false }],
    ['no apt-get', { hasAptGet: () => false }],
  ])('missing, %s: one line saying how, and no install', (_, over) => {
    const { m, calls } = machine(over);
    expect(oneLine(ensureChromium(m))).toBe(
      'The browser tests need Chromium at /usr/bin/chromium, which is missing: install it with `apt-get install chromium` (as root) or set CHROMIUM_PATH to a Chromium binary, then run `npm test` again.',
    );
    expect(calls.installs).toBe(0);
  });

  test('CHROMIUM_PATH names a missing file: that is said, and Debian chromium is not installed', () => {
    const { m, calls } = machine({ chromiumPath: '/opt/none/chromium' });
    expect(oneLine(ensureChromium(m))).toMatch(
      /^The browser tests need Chromium, and CHROMIUM_PATH=\/opt\/none\/chromium does not exist: /,
    );
    expect(calls.installs).toBe(0);
  });

  test('an install that fails or puts nothing there: one line with its exit status', () => {
    const { m } = machine({ install: () => 100 });
    expect(oneLine(ensureChromium(m))).toMatch(/did not provide it \(exit 100\)/);
    const { m: silent } = machine({ install: () => 0 });
    expect(oneLine(ensureChromium(silent))).toMatch(/did not provide it \(exit 0\)/);
  });
});
