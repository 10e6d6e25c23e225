// The flags (split as util.parseArgs splits them: flags.ts), and what each mistake gets.
import { describe, expect, test } from 'vitest';
import { readArgs } from '../../src/cli/args';

describe('readArgs', () => {
  test('flags with a value after them or after =, repeated --policy, -h', () => {
    expect(
      readArgs(['--policy', 'a/x.json', '--policy=b/x.json', '--used=-', '--format', 'json']),
    ).toEqual({
      policies: ['a/x.json', 'b/x.json'],
      unused: '-',
      used: true,
      format: 'json',
      sizeLimit: undefined,
      // None given: the command chooses where to refine (and a child gets the default 30 s).
      timeLimit: undefined,
    });
    expect(readArgs(['-h'])).toBe('help');
    expect(readArgs(['--policy', 'p', '--unused', 'u', '--time-limit', '0.5'])).toMatchObject({
      timeLimit: 500,
    });
  });

  test.each([
    [['--bogus'], 'unknown argument "--bogus"'],
    [['--fromat=aws'], 'unknown argument "--fromat"'],
    [['policy.json'], 'unknown argument "policy.json"'],
    [['--', 'x'], 'unknown argument "--"'],
    [['--policy'], '--policy needs a value'],
    [['--help=yes'], '--help takes no value'],
    [['--policy', 'p', '--unused', 'u', '--used', 'v'], 'give one of --unused or --used, once'],
    [['--policy', 'p', '--unused', 'u', '--unused', 'v'], 'give one of --unused or --used, once'],
    [
      ['--policy', 'p', '--unused', 'u', '--format', 'yaml'],
      '--format must be one of policy, diff, json, aws, not "yaml"',
    ],
    [
      ['--policy', 'p', '--unused', 'u', '--size-limit', '1.5'],
      '--size-limit must be a positive whole number',
    ],
    [
      ['--policy', 'p', '--unused', 'u', '--time-limit', '0.05'],
      '--time-limit must be a number of seconds from 0.1 to 600',
    ],
    [
      ['--policy', 'p', '--unused', 'u', '--time-limit', '601'],
      '--time-limit must be a number of seconds from 0.1 to 600',
    ],
    [
      ['--policy', 'p', '--unused', 'u', '--time-limit', 'soon'],
      '--time-limit must be a number of seconds from 0.1 to 600',
    ],
    [['--unused', 'u'], 'no --policy FILE given'],
    [['--policy', 'p'], 'no --unused FILE (or --used FILE) given'],
    [['--policy', '-', '--unused', '-'], 'only one input can be read from stdin (-)'],
    [
      ['--policy', 'p.json', '--policy', 'p.json', '--unused', 'u'],
      '--policy p.json is given twice',
    ],
  ])('%j: %s', (argv, message) => {
    expect(() => readArgs(argv)).toThrow(message);
  });
});

test('what the user typed is quoted: no escape reaches the terminal', () => {
  expect(() => readArgs(['\u001b[2J'])).toThrow('unknown argument "\\u001B[2J"');
  expect(() => readArgs(['--policy', 'a\nb', '--policy', 'a\nb', '--unused', 'u'])).toThrow(
    '--policy "a\\u000Ab" is given twice',
  );
});
