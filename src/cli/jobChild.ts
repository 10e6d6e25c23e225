// The child process of the single-policy CLI: refines the job the command sends it.
import { cliCatalog } from './catalog';
import { serveJob } from './jobProcess';

serveJob(cliCatalog);
