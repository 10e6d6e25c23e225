// monaco-editor's `internal/common/workers.js` starts a language's worker, and also imports every
// editor contribution there is (code lenses, inline completions, the diff editor, ...), so the JSON
// language alone pulled ~440 KB (gzip) into the page. vite.config.ts points it here: the same
// function without those imports. Our MonacoEnvironment.getWorker (monaco.ts) makes each worker.
import { editor } from 'monaco-editor/editor/editor.api';

interface WorkerOptions {
  label?: string;
  moduleId: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

export function createWebWorker<T extends object>(opts: WorkerOptions) {
  const getWorker = self.MonacoEnvironment?.getWorker;
  if (!getWorker) throw new Error('MonacoEnvironment.getWorker is not set');
  const worker = Promise.resolve(
    getWorker('workerMain.js', opts.label ?? 'monaco-editor-worker'),
  ).then((w) => {
    // The worker's first message is ignored, its second is the language's data (as upstream).
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return editor.createWebWorker<T>({
    worker,
    host: opts.host,
    keepIdleModels: opts.keepIdleModels,
  });
}
