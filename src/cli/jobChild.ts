// The child process of the single-policy CLI: refines the job the command sends it.
import { decodeCatalog, type RawCatalog } from '../catalog/catalog';
import raw from '../catalog/generated/catalog.json';
import { serveJob } from './jobProcess';

serveJob(() => decodeCatalog(raw as unknown as RawCatalog));
