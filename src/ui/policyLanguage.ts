// In the policy editor only: the grammar's keys where a key goes (the document's, a statement's) and
// its fixed values (Version, Effect) where they go, as completion, and what each means on hover.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { placeAt, type Place } from './jsonStructure';
import { grammarWords, POLICY_URI } from './policySchema';

type Model = Monaco.editor.ITextModel;

let last: { uri: string; version: number; offset: number; place: Place | null } | null = null;

/**
 * The place at the cursor in a JSON model. Both this module's providers and the action names' ask it
 * on the same keystroke; the last answer is kept, so the document is read and scanned once.
 */
export function placeIn(model: Model, position: Monaco.IPosition): Place | null {
  const uri = model.uri.toString();
  const version = model.getVersionId();
  const offset = model.getOffsetAt(position);
  if (last?.uri !== uri || last.version !== version || last.offset !== offset)
    last = { uri, version, offset, place: placeAt(model.getValue(), offset) };
  return last.place;
}

/** The place at the cursor in the policy model, or null in any other model. */
function policyPlace(model: Model, position: Monaco.IPosition): Place | null {
  return model.uri.toString() === POLICY_URI ? placeIn(model, position) : null;
}

/** The literal's range on its line, or an empty range at the cursor where there is none yet. */
function rangeOf(monaco: typeof Monaco, model: Model, place: Place, position: Monaco.IPosition) {
  const lit = place.literal;
  const start = lit ? model.getPositionAt(lit.start) : position;
  const end = lit ? model.getPositionAt(lit.end) : position;
  return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
}

export function registerPolicyLanguage(monaco: typeof Monaco): void {
  const { CompletionItemKind } = monaco.languages;
  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"'],
    provideCompletionItems(model, position) {
      const place = policyPlace(model, position);
      const words = place ? grammarWords(place) : [];
      if (!place || words.length === 0) return { suggestions: [] };
      const range = rangeOf(monaco, model, place, position);
      const after = model.getValueInRange({
        startLineNumber: range.endLineNumber,
        startColumn: range.endColumn,
        endLineNumber: range.endLineNumber,
        endColumn: model.getLineMaxColumn(range.endLineNumber),
      });
      const key = place.role === 'key';
      return {
        suggestions: words.map((w, i) => {
          const quoted = JSON.stringify(w.name);
          const withValues = key && (w.name === 'Effect' || w.name === 'Version');
          return {
            label: w.name,
            kind: key ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
            detail: w.description,
            documentation: w.description,
            insertText: key && !/^\s*:/.test(after) ? `${quoted}: ` : quoted,
            filterText: place.literal ? quoted : w.name,
            sortText: String(i).padStart(2, '0'),
            range,
            // A key with fixed values goes on to offer them.
            command: withValues
              ? { id: 'editor.action.triggerSuggest', title: 'Suggest its values' }
              : undefined,
          };
        }),
      };
    },
  });
  monaco.languages.registerHoverProvider('json', {
    provideHover(model, position) {
      const place = policyPlace(model, position);
      const lit = place?.literal;
      if (!place || !lit?.closed) return null;
      const text = model.getValue().slice(lit.start + 1, lit.end - 1);
      const word = grammarWords(place).find((w) => w.name === text);
      if (!word) return null;
      return {
        range: rangeOf(monaco, model, place, position),
        contents: [{ value: `**${word.name}**: ${word.description}`, isTrusted: false }],
      };
    },
  });
}
