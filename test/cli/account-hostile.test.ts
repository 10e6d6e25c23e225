// The account command on hostile input, as the single-policy command is held: numbers kept as
// written in every output, inputs refused (named, one line) when they are not UTF-8 or too long.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorizationDetails, findingsFor } from '../account/accounts';

const dir = mkdtempSync(join(tmpdir(), 'refine-account-hostile-'));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['dist-cli/refine.cjs', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['src/cli/build.mjs']);
});

const NUMBERS = ['9007199254740993', '1e400', '1.50'];

/** An account whose one role's inline policy holds numbers JSON.parse would rewrite. */
const account = file(
  'numbers.json',
  authorizationDetails([
    {
      name: 'auditor',
      inline: {
        reads: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: '*',
              Condition: { NumericLessThan: { a: '__0__', b: '__1__', c: '__2__' } },
            },
          ],
        },
      },
    },
  ]).replace(/"__(\d)__"/g, (_, i: string) => NUMBERS[Number(i)]),
);
const findings = file('findings.json', findingsFor({ auditor: ['s3:PutObject'] }));

describe('refine --account on hostile input', () => {
  it('keeps every number as written in json, jsonl, aws and the --out files', () => {
    for (const format of ['json', 'jsonl', 'aws']) {
      const r = cli(['--account', account, '--findings', findings, '--format', format]);
      expect(r.status, r.stderr).toBe(0);
      for (const n of NUMBERS) expect(r.stdout, `${format} keeps ${n}`).toContain(n);
      // And nowhere as JSON.parse would have it.
      expect(r.stdout).not.toContain('9007199254740992');
      expect(r.stdout).not.toMatch(/\\?"b\\?": ?null|\\?"c\\?": ?1\.5\b/);
    }
    const jsonl = cli(['--account', account, '--findings', findings, '--format', 'jsonl']);
    for (const line of jsonl.stdout.trim().split('\n')) expect(line.startsWith('{')).toBe(true);
    const out = join(dir, 'out');
    expect(cli(['--account', account, '--findings', findings, '--out', out]).status).toBe(0);
    const written = readFileSync(
      join(out, 'roles/auditor', readdirSync(join(out, 'roles/auditor'))[0]),
      'utf8',
    );
    for (const n of NUMBERS) expect(written).toContain(n);
  });

  it('refuses a UTF-16 file naming its encoding, and a byte that is not UTF-8 at its line and column', () => {
    const text = readFileSync(account, 'utf8');
    const utf16 = file(
      'utf16.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const r = cli(['--account', utf16, '--findings', findings]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/utf16\.json: .*UTF-16/);
    const bytes = Buffer.from(text.replace('auditor', 'audit\u00e9r'), 'latin1');
    const latin1 = file('latin1.json', bytes);
    const l = cli(['--account', latin1, '--findings', findings]);
    expect(l.status).toBe(2);
    expect(l.stderr).toMatch(/latin1\.json:\d+:\d+: byte 0xE9 is not UTF-8/);
  });

  it('refuses a file over the size bound before reading it, and quotes a name that would move the terminal', () => {
    const huge = file('huge.json', '');
    truncateSync(huge, 600 * 1024 * 1024);
    const r = cli(['--account', huge, '--findings', findings]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/huge\.json: over the 512 MB limit/);
    const odd = cli(['--account', join(dir, 'no\nsuch\u001b[2J.json'), '--findings', findings]);
    expect(odd.status).toBe(2);
    expect(odd.stderr.split('\n')[0]).toMatch(/"\S*no\\u000Asuch\\u001B\[2J\.json": no such file/);
  });
});
