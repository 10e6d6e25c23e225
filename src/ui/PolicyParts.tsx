// A recommendation over the managed policy quota, cut into policies that each fit: the parts one
// under the other, each with its size, Copy, Download and AWS CLI command; or, when no split works,
// why and what to do instead. Nothing is offered unless the parts were proven together.
import type { RecommendationView } from '../worker/protocol';
import { partCommand } from './awsCommand';
import { copyText, download } from './clipboard';
import { figure, plural } from '../core/messages';
import { ATTACHED_POLICIES_QUOTA } from '../core/recommendation';
import { arnProblem } from './policyArn';
import { notOffered, useCopyNote } from './ResultActions';

type Part = NonNullable<RecommendationView['split']>['parts'][number];

function PolicyPart(props: {
  part: Part;
  k: number;
  count: number;
  arn: string;
  /** Why nothing can be copied from this part, or null. */
  blocked: string | null;
}) {
  const { part, k, count, arn, blocked } = props;
  const [note, say] = useCopyNote();
  const cliProblem = blocked ?? arnProblem(arn);
  const id = `policy-part-${k}`;
  return (
    <section className="policy-part" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="policy-part__head">
        <h4 id={`${id}-title`}>
          Part {k} of {count}
        </h4>
        <span className="note" data-testid={`${id}-size`}>
          {figure(part.size.chars)} of {figure(part.size.limit)} characters
        </span>
        <button
          type="button"
          data-testid={`${id}-copy`}
          disabled={blocked !== null}
          onClick={async () => say(await copyText(part.text), `Part ${k}`)}
        >
          Copy
        </button>
        <button
          type="button"
          data-testid={`${id}-download`}
          disabled={blocked !== null}
          onClick={() => download(`recommended-policy-part-${k}-of-${count}.json`, part.text)}
        >
          Download
        </button>
        <button
          type="button"
          data-testid={`${id}-cli`}
          disabled={cliProblem !== null}
          title={cliProblem ?? undefined}
          onClick={async () =>
            say(await copyText(partCommand(part.text, k, arn)), 'AWS CLI command')
          }
        >
          Copy AWS CLI command
        </button>
        <span className="note" role="status">
          {blocked ? '' : note}
        </span>
      </div>
      <pre className="policy-part__text" tabIndex={0} aria-label={`Part ${k} JSON`}>
        {part.text}
      </pre>
    </section>
  );
}

export function PolicyParts(props: { rec: RecommendationView; stale: boolean; arn: string }) {
  const { rec, stale, arn } = props;
  const split = rec.split;
  if (!split) return null;
  const size = rec.notActionForm?.chosen ? rec.notActionForm.size : rec.size;
  const over = size
    ? `The recommended policy is ${figure(size.chars)} characters without white space, over the ${figure(size.limit)}-character quota of a managed policy.`
    : '';
  if (split.parts.length === 0)
    return (
      <section className="policy-parts" aria-labelledby="parts-title" data-testid="policy-parts">
        <h3 id="parts-title">No way under the quota</h3>
        <p className="stale error" data-testid="split-why">
          {over} {split.why}.
        </p>
      </section>
    );
  const count = split.parts.length;
  const blocked =
    notOffered(rec, stale) ??
    (split.proof?.ok
      ? null
      : `The parts are not proven to allow together exactly what the recommendation allows${split.proof && !split.proof.ok ? ` (${split.proof.message})` : ''}, so none is offered to copy or download. That is a bug in the refiner; please report it with the share link.`);
  return (
    <section className="policy-parts" aria-labelledby="parts-title" data-testid="policy-parts">
      <h3 id="parts-title">
        Split into {plural(count, 'managed policy', 'managed policies')} under the quota
      </h3>
      <p>
        {over} Attached together, these {figure(count)} policies allow exactly what it allows
        {split.proof?.ok ? ' (proven from their text)' : ''}. Create parts 2
        {count > 2 ? `–${count}` : ''} and attach them wherever the policy is attached, then make
        part 1 the policy&apos;s new version, so that nothing still in use is missing in between. A
        role or user may have {ATTACHED_POLICIES_QUOTA} managed policies attached by default.
      </p>
      {blocked && (
        <p className="stale error" data-testid="parts-blocked" role="status">
          {blocked}
        </p>
      )}
      {!blocked && arnProblem(arn) && (
        <p className="note" data-testid="parts-hint">
          Each part&apos;s AWS CLI command names the policy:{' '}
          {arnProblem(arn)?.replace(
            /^Enter the ARN of the policy.*/,
            'enter its ARN above, by Copy policy.',
          )}
        </p>
      )}
      {split.parts.map((part, i) => (
        <PolicyPart key={i} part={part} k={i + 1} count={count} arn={arn} blocked={blocked} />
      ))}
    </section>
  );
}
