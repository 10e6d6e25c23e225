// The worker only receives, calls core, and posts. The catalog is decoded once, when it starts.
import { decodeCatalog, type RawCatalog } from '../catalog/catalog';
import raw from '../catalog/generated/catalog.json';
import { complete, hover, RefinerSession } from './analyze';
import { bootRequest, type Request, type Response } from './protocol';

const catalog = decodeCatalog(raw as unknown as RawCatalog);
const session = new RefinerSession(catalog, () => performance.now());

function answer(req: Request): Response {
  switch (req.type) {
    case 'refine':
      return {
        type: 'refine',
        id: req.id,
        analysis: session.refine(req),
      };
    case 'complete':
      return { type: 'complete', id: req.id, items: complete(req.prefix, catalog) };
    case 'hover':
      return { type: 'hover', id: req.id, info: hover(req.pattern, catalog) };
    case 'trie':
      return { type: 'trie', id: req.id, ...session.trie(req) };
  }
}

function respond(req: Request): void {
  let response: Response;
  try {
    response = answer(req);
  } catch (error) {
    // A bug in core: reported as a plain message, never a stack trace on the page.
    response = {
      type: 'error',
      id: req.id,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  self.postMessage(response);
}

self.onmessage = (e: MessageEvent<Request>) => respond(e.data);

// The page's first refinement, when it came in the worker's name: answered before any message.
const boot = bootRequest(self.name);
if (boot) respond(boot);
