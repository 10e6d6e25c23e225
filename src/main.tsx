// The worker starts first, so the catalog loads and decodes while the page's code arrives; the app
// itself is a chunk of its own.
import { createRefinerWorker, RefinerClient } from './worker/client';

const client = new RefinerClient(createRefinerWorker);

void import('./ui/mount').then(({ mount }) => mount(client));
