// Monaco from our own bundle, never from a CDN: the editor core, the contributions these editors use
// and the JSON language come from the monaco-editor package, its workers are Vite `?worker` imports,
// and @monaco-editor/react's loader is handed this instance. Imported first by the editor module, so
// it runs before any editor. Not `features/register.all`: its other fifty contributions (code lenses,
// inline completions, sticky scroll, ...) are ~170 KB (gzip) these editors never use.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
// The suggest widget itself: `features/suggest/register` only adds its inline-completions bridge.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
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
