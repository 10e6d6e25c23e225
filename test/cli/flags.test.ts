// splitFlags must split a command line exactly as util.parseArgs (not strict) does, which the CLI
// used before it: the same options, names, raw names and values, in the same order, on random
// command lines made of what people type and what they mistype.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitFlags, type FlagSpec } from '../../src/cli/flags';

const SPECS: Record<string, FlagSpec> = {
  policy: { type: 'string' },
  unused: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean', short: 'v' },
};

/** parseArgs's tokens, without the indices splitFlags does not keep. */
function nodeTokens(argv: string[], specs: Record<string, FlagSpec>) {
  const options = Object.fromEntries(
    Object.entries(specs).map(([k, v]) => [k, { ...v, multiple: true }]),
  );
  const { tokens } = parseArgs({
    args: argv,
    options: options as NonNullable<Parameters<typeof parseArgs>[0]>['options'],
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  return tokens.map((t) =>
    t.kind === 'option'
      ? { kind: t.kind, name: t.name, rawName: t.rawName, value: t.value }
      : t.kind === 'positional'
        ? { kind: t.kind, value: t.value }
        : { kind: t.kind },
  );
}

const piece = fc.oneof(
  fc.constantFrom(
    '--policy',
    '--policy=p.json',
    '--policy=',
    '--unused',
    '--format=aws',
    '--help',
    '--help=yes',
    '-h',
    '-o',
    '-oout.txt',
    '-hv',
    '-vo',
    '-hox',
    '-x',
    '-xyz',
    '--',
    '-',
    '---',
    '--=x',
    '--==',
    '--a==b',
    '--__proto__',
    '-_',
    'p.json',
    '--bogus',
    '--bogus=1',
    '\u001b[2J',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 5 }).map((s) => `-${s}`),
  fc.string({ maxLength: 5 }).map((s) => `--${s}`),
);

describe('splitFlags', () => {
  test('splits every command line as util.parseArgs does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (argv) => {
        expect(splitFlags(argv, SPECS)).toEqual(nodeTokens(argv, SPECS));
      }),
      { numRuns: 3000 },
    );
  });

  test('a string flag takes the next argument whatever it looks like; -- ends the flags', () => {
    expect(splitFlags(['--policy', '-', '-hv', '--', '--help'], SPECS)).toEqual([
      { kind: 'option', name: 'policy', rawName: '--policy', value: '-' },
      { kind: 'option', name: 'help', rawName: '-h', value: undefined },
      { kind: 'option', name: 'verbose', rawName: '-v', value: undefined },
      { kind: 'option-terminator' },
      { kind: 'positional', value: '--help' },
    ]);
  });
});
