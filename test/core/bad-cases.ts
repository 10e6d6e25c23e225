// The corpus of broken and hostile input (test/fixtures/bad/cases.json), shared by the core and CLI
// tests: each case is a file, the editor it goes to, and what the refiner must answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const badDir = join(__dirname, '../fixtures/bad');
export const readBad = (name: string): string => readFileSync(join(badDir, name), 'utf8');

export interface BadCase {
  file: string;
  /** policy: refined against ok-unused.txt; unused: against ok-policy.json. */
  editor: 'policy' | 'unused';
  shows: string;
  expect:
    | { error: { message: string; line: number; column: number } }
    | { result: { recommendedAction: string; warnings: string[]; contains?: string[] } };
}

export const cases: BadCase[] = JSON.parse(readBad('cases.json')).cases;
