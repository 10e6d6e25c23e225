// A refiner thread of the account CLI: decodes the catalog once, then refines what it is sent.
import { parentPort } from 'node:worker_threads';
import { serveBatches } from '../account';
import { cliCatalog } from './catalog';

const port = parentPort;
if (port)
  port.on(
    'message',
    serveBatches(cliCatalog(), (a) => port.postMessage(a)),
  );
