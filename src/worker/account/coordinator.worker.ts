// The account view's coordinator: reads the files (tens of MB never touch the page's thread), keeps
// the account, feeds the refiner workers a few principals at a time, and sends the page a row per
// principal, in batches so the page redraws twice a second, not two thousand times.
import {
  BATCH_SIZE,
  findingsText,
  principalTasks,
  readAccount,
  readAccountFindings,
  summarize,
  type Account,
  type AccountFindings,
  type BatchAnswer,
  type PrincipalOutcome,
  type PrincipalTask,
  type SourceFile,
  type TaskBatch,
} from '../../account';
import { parseJson, printJson } from '../../core';
import type { AccountInput, FromCoordinator, PrincipalRow, ToCoordinator } from './protocol';
import { principalRow } from './rows';

const post = (m: FromCoordinator) => self.postMessage(m);
let held: { account: Account; findings: AccountFindings; tasks: PrincipalTask[] } | null = null;

async function readInputs(inputs: AccountInput[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const i of inputs)
    out.push({ name: i.name, text: i.text ?? (await (i.file as Blob).text()) });
  return out;
}

async function start(m: Extract<ToCoordinator, { type: 'start' }>): Promise<void> {
  const total = m.account.length + m.findings.length;
  post({ type: 'progress', stage: 'reading', done: 0, total });
  const accountFiles = await readInputs(m.account);
  const findingFiles = await readInputs(m.findings);
  post({ type: 'progress', stage: 'reading', done: total, total });
  const account = readAccount(accountFiles);
  if (!account.ok) return post({ type: 'error', error: account.error });
  const options = { used: m.used };
  const findings = readAccountFindings(findingFiles, account.value.principals, options);
  const tasks = principalTasks(account.value, findings);
  held = { account: account.value, findings, tasks };
  post({
    type: 'read',
    accountId: account.value.accountId,
    principals: account.value.principals.length,
    tasks: tasks.length,
    setAside: findings.setAside,
    findingsProblems: findings.problems,
    notes: account.value.notes,
  });

  const outcomes: PrincipalOutcome[] = [];
  let pending: PrincipalRow[] = [];
  let flushed = 0;
  const flush = () => {
    if (pending.length) post({ type: 'rows', rows: pending });
    pending = [];
    flushed = performance.now();
    post({ type: 'progress', stage: 'refining', done: outcomes.length, total: tasks.length });
  };
  let next = 0;
  const feed = (port: MessagePort) => {
    if (next >= tasks.length) return;
    const batch: TaskBatch = { tasks: tasks.slice(next, next + BATCH_SIZE), options };
    next += BATCH_SIZE;
    port.postMessage(batch);
  };
  await new Promise<void>((resolve) => {
    if (tasks.length === 0) return resolve();
    for (const port of m.ports) {
      port.onmessage = (e: MessageEvent<BatchAnswer>) => {
        if (e.data.type === 'idle') return feed(port);
        outcomes.push(e.data.outcome);
        pending.push(principalRow(e.data.outcome));
        if (outcomes.length === tasks.length) return resolve();
        if (performance.now() - flushed > 500) flush();
      };
      feed(port);
    }
  });
  flush();
  post({ type: 'done', summary: summarize(account.value, findings, outcomes) });
}

function open(m: Extract<ToCoordinator, { type: 'open' }>): void {
  const principal = held?.account.principals[m.principal];
  const policy = principal?.policies[m.policy];
  const findings = principal ? held?.findings.byPrincipal.get(principal.arn) : undefined;
  if (!policy?.text || !findings) return post({ type: 'opened', id: m.id, inputs: null });
  const unused = findingsText(findings);
  // The document as the file had it, indented like the single-policy view's own documents.
  const parsed = parseJson(policy.text);
  post({
    type: 'opened',
    id: m.id,
    inputs: {
      policy: parsed.ok ? printJson(parsed.value) : policy.text,
      unused: unused.text,
      used: unused.used,
    },
  });
}

self.onmessage = (e: MessageEvent<ToCoordinator>) => {
  const m = e.data;
  if (m.type === 'open') return open(m);
  start(m).catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
