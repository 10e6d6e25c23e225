// The worker starts first and is given the first input at once (a short share link is read here, a
// longer one decoded off the page's thread meanwhile), so the catalog loads and the first answer is
// computed while the page's code arrives; the app itself is a chunk of its own. The page is drawn
// once that answer is in (within a bound), so its first render already shows the recommendation.
// The page's styles load with the entry, beside it, instead of holding back the app's chunk.
import './ui/app.css';
import { answerWithin, FIRST_ANSWER_WAIT_MS, firstInputs } from './ui/firstView';
import { linkParts, safeStorage } from './ui/inputs';
import { startOffline } from './ui/offline';
import { readShareLink } from './ui/shareLink';
import { readMarks } from './ui/whatIf';
import {
  createRefinerWorker,
  RefinerClient,
  timeLimitFrom,
  type RefineInputs,
} from './worker/client';

const parts = linkParts(window.location.hash);
const link = parts && { parts, reading: readShareLink(parts) };
const first = firstInputs(link, safeStorage(), window.location.hash);
// The worker starts with the first inputs and what-if marks; the app asks again for them when it
// mounts (or, for a link decoded in a worker, when it has decoded) and is given this answer.
// `?timeLimit=S` lowers (or raises) the refiner's time bound, in seconds: for slow machines and to
// see what happens when a run is stopped.
const firstRequest = first ? { ...first.inputs, marks: first.marks } : undefined;
const client = new RefinerClient(
  createRefinerWorker,
  timeLimitFrom(window.location.search),
  firstRequest,
);
const early = (request: RefineInputs) => {
  const answer = client.refine(request);
  answer.catch(() => {});
  return answer;
};
const answer = firstRequest && early(firstRequest);
// User Timing for the benchmark: when the first answer reaches the page, and when the app's code has
// run (the two paths the first frame waits for).
answer?.then(() => performance.mark('first:answer')).catch(() => {});
if (link && !first)
  void link.reading.result.then((outcome) => {
    if (outcome.ok) early({ ...outcome.inputs, marks: readMarks(window.location.hash) });
  });

startOffline();

void import('./ui/mount').then(async ({ mount }) => {
  performance.mark('first:code');
  const analysis = answer ? await answerWithin(answer, FIRST_ANSWER_WAIT_MS) : null;
  mount(client, link, first && { ...first, analysis });
});
