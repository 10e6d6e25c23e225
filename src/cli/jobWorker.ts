// The worker thread of the single-policy CLI: refines the job it was started with.
import { decodeCatalog, type RawCatalog } from '../catalog/catalog';
import raw from '../catalog/generated/catalog.json';
import { serveJob } from './workerThread';

serveJob(() => decodeCatalog(raw as unknown as RawCatalog));
