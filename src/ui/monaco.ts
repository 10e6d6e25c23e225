// Monaco from our own bundle, never from a CDN: the editor, its features and the JSON language come
// from the monaco-editor package, its workers are Vite `?worker` imports, and @monaco-editor/react's
// loader is handed this instance. Imported first by the editor module, so it runs before any editor.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { POLICY_URI, policySchema } from './policySchema';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemaValidation: 'warning',
  comments: 'error',
  trailingCommas: 'error',
  schemas: [
    { uri: 'inmemory://schemas/iam-policy.json', fileMatch: [POLICY_URI], schema: policySchema },
  ],
});

// No colour swatches: a policy holds no colours, and finding them matches the schema against the
// whole document, which overflows the JSON worker's stack on a 10,000-statement policy.
jsonDefaults.setModeConfiguration({ ...jsonDefaults.modeConfiguration, colors: false });

loader.config({ monaco });

export { monaco };
