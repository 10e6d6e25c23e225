// A refiner of the account view's pool: decodes the catalog once, then refines the batches the
// coordinator sends over the port it hands over.
import { serveBatches, type TaskBatch } from '../../account';
import { decodeCatalog, type RawCatalog } from '../../catalog/catalog';
import raw from '../../catalog/generated/catalog.json';

const catalog = decodeCatalog(raw as unknown as RawCatalog);

self.onmessage = (e: MessageEvent<{ port: MessagePort }>) => {
  const port = e.data.port;
  const serve = serveBatches(catalog, (answer) => port.postMessage(answer));
  port.onmessage = (m: MessageEvent<TaskBatch>) => serve(m.data);
};
