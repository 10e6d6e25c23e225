// The worker starts first, so the catalog loads and decodes while the page's code arrives; the app
// itself is a chunk of its own.
import { createRefinerWorker, RefinerClient, timeLimitFrom } from './worker/client';

// `?timeLimit=S` lowers (or raises) the refiner's time bound, in seconds: for slow machines and to
// see what happens when a run is stopped.
const client = new RefinerClient(createRefinerWorker, timeLimitFrom(window.location.search));

void import('./ui/mount').then(({ mount }) => mount(client));
