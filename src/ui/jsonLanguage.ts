// JSON for the editors without Monaco's JSON language service and its worker (~125 KB gzip): the
// brackets, quotes and colours of Monaco's JSON mode, and folding on brackets. Errors are core's,
// put in by the editor at their line and column; completion and hover are the catalog's and the
// policy grammar's.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { bracketFolds } from './jsonStructure';

const STRING = /"(?:[^"\\]|\\.)*"/;

/** Monaco's JSON mode's token names, so both themes colour keys, values and keywords as it did. */
const tokens: Monaco.languages.IMonarchLanguage = {
  tokenPostfix: '.json',
  tokenizer: {
    root: [
      [/\s+/, ''],
      [/[{}]/, 'delimiter.bracket'],
      [/[[\]]/, 'delimiter.array'],
      [/:/, 'delimiter.colon'],
      [/,/, 'delimiter.comma'],
      [new RegExp(`${STRING.source}(?=\\s*:)`), 'string.key'],
      [STRING, 'string.value'],
      [/"(?:[^"\\]|\\.)*$/, 'string.value'], // unterminated: it ends with its line
      [/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/true|false|null/, 'keyword'],
    ],
  },
};

const configuration: Monaco.languages.LanguageConfiguration = {
  wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}', notIn: ['string'] },
    { open: '[', close: ']', notIn: ['string'] },
    { open: '"', close: '"', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
  ],
};

export function registerJsonLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({
    id: 'json',
    extensions: ['.json'],
    aliases: ['JSON', 'json'],
    mimetypes: ['application/json'],
  });
  monaco.languages.setLanguageConfiguration('json', configuration);
  monaco.languages.setMonarchTokensProvider('json', tokens);
  monaco.languages.registerFoldingRangeProvider('json', {
    provideFoldingRanges: (model) => bracketFolds(model.getValue()),
  });
}
