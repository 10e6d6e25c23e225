// The worker starts first and is given the first input at once (a short share link is read here, a
// longer one decoded off the page's thread meanwhile), so the catalog loads and the first answer is
// computed while the page's code arrives; the app itself is a chunk of its own.
import { initialInputs, linkParts, safeStorage, type Inputs } from './ui/inputs';
import { startOffline } from './ui/offline';
import { readShareLink } from './ui/shareLink';
import { loadMarks, readMarks } from './ui/whatIf';
import { createRefinerWorker, RefinerClient, timeLimitFrom } from './worker/client';

// `?timeLimit=S` lowers (or raises) the refiner's time bound, in seconds: for slow machines and to
// see what happens when a run is stopped.
const client = new RefinerClient(createRefinerWorker, timeLimitFrom(window.location.search));
const parts = linkParts(window.location.hash);
const link = parts && { parts, reading: readShareLink(parts) };
// The app asks again for the same inputs and what-if marks when it mounts (or when the link has
// decoded), and is given this answer.
const early = (inputs: Inputs, marks: ReturnType<typeof loadMarks>) =>
  void client.refine({ ...inputs, marks }).catch(() => {});
if (link)
  void link.reading.result.then(
    (outcome) => outcome.ok && early(outcome.inputs, readMarks(window.location.hash)),
  );
else early(initialInputs(safeStorage()).inputs, loadMarks(safeStorage()));

startOffline();

void import('./ui/mount').then(({ mount }) => mount(client, link));
