// Monaco from our own bundle, never from a CDN: the editor core and the contributions these editors
// use come from the monaco-editor package and its editor worker is a Vite `?worker` import.
// CodeEditor.tsx makes the editors from this instance itself (no wrapper library, whose loader
// would fetch Monaco from a CDN unless told otherwise). Not `features/register.all`: its other
// fifty contributions (code lenses, inline completions, sticky scroll, ...) are ~170 KB (gzip)
// these editors never use. Nor Monaco's
// JSON language service: the JSON language is our own (jsonLanguage.ts), errors come from core.
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
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
import { registerJsonLanguage } from './jsonLanguage';
import { registerPolicyLanguage } from './policyLanguage';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

registerJsonLanguage(monaco);
registerPolicyLanguage(monaco);

export { monaco };
