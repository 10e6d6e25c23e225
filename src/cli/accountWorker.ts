// A refiner thread of the account CLI: decodes the catalog once, then refines what it is sent.
import { parentPort } from 'node:worker_threads';
import { decodeCatalog, type RawCatalog } from '../catalog/catalog';
import raw from '../catalog/generated/catalog.json';
import { serveBatches } from '../account';

const port = parentPort;
if (port)
  port.on(
    'message',
    serveBatches(decodeCatalog(raw as unknown as RawCatalog), (a) => port.postMessage(a)),
  );
