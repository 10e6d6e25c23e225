// Completion and hover of action names, answered by the worker, which holds the catalog: inside the
// JSON editors' strings, and on the words of the keep list (plain text, one action per line).
import type { RefinerClient } from '../worker/client';
import { plural } from '../core/messages';
import { placeIn } from './policyLanguage';
import { grammarWords } from './policySchema';
import { monaco } from './monaco';

type Model = ReturnType<typeof monaco.editor.createModel>;
type Position = InstanceType<typeof monaco.Position>;

/** The string literal around the cursor: its text up to the cursor, and where it starts. */
function literalAt(
  model: Model,
  position: Position,
): { before: string; whole: string; start: number } | null {
  const line = model.getLineContent(position.lineNumber);
  let open = -1;
  let inString = false;
  for (let i = 0; i < position.column - 1; i++) {
    if (line[i] === '\\' && inString) i++;
    else if (line[i] === '"') {
      inString = !inString;
      open = i;
    }
  }
  if (!inString) return null;
  let close = line.indexOf('"', position.column - 1);
  if (close < 0) close = line.length;
  return {
    before: line.slice(open + 1, position.column - 1),
    whole: line.slice(open + 1, close),
    start: open + 2,
  };
}

/** The action-like word around the cursor in plain text: `s3:Get` in `s3:Get|Object`. */
function wordAt(
  model: Model,
  position: Position,
): { before: string; whole: string; start: number } | null {
  const line = model.getLineContent(position.lineNumber);
  const part = /[A-Za-z0-9:*?_-]/;
  let from = position.column - 1;
  while (from > 0 && part.test(line[from - 1])) from--;
  let to = position.column - 1;
  while (to < line.length && part.test(line[to])) to++;
  if (from === to) return null;
  return {
    before: line.slice(from, position.column - 1),
    whole: line.slice(from, to),
    start: from + 1,
  };
}

function actionAt(model: Model, position: Position) {
  return model.getLanguageId() === 'json' ? literalAt(model, position) : wordAt(model, position);
}

const LANGUAGES = ['json', 'plaintext'];

let registered: { client: RefinerClient; dispose: () => void } | null = null;

/** Once per client: Monaco's providers are global, so a second call with the same client is a no-op. */
export function registerActionLanguage(client: RefinerClient): void {
  if (registered?.client === client) return;
  registered?.dispose();
  const completion = monaco.languages.registerCompletionItemProvider(LANGUAGES, {
    triggerCharacters: [':', '"'],
    async provideCompletionItems(model, position) {
      const lit = actionAt(model, position);
      if (!lit || !/^[A-Za-z0-9-]*(:[A-Za-z0-9]*)?$/.test(lit.before)) return { suggestions: [] };
      // A JSON key is never an action, nor is Effect's or Version's value: the policy grammar's
      // words are offered alone there.
      const place = model.getLanguageId() === 'json' ? placeIn(model, position) : null;
      if (place && (place.role === 'key' || grammarWords(place).length > 0))
        return { suggestions: [] };
      const items = await client.complete(lit.before).catch(() => []);
      const range = new monaco.Range(
        position.lineNumber,
        lit.start,
        position.lineNumber,
        position.column,
      );
      return {
        incomplete: !lit.before.includes(':'),
        suggestions: items.map((c) => ({
          label: c.action,
          kind: c.level
            ? monaco.languages.CompletionItemKind.Function
            : monaco.languages.CompletionItemKind.Module,
          detail: c.level ?? 'service',
          insertText: c.action,
          range,
        })),
      };
    },
  });
  const hover = monaco.languages.registerHoverProvider(LANGUAGES, {
    async provideHover(model, position) {
      const lit = actionAt(model, position);
      if (!lit || !lit.whole.includes(':') || lit.whole.length > 200) return null;
      const info = await client.hover(lit.whole).catch(() => null);
      if (!info) return null;
      const lines = info.problem
        ? [info.problem]
        : info.matches === 0
          ? [`\`${info.pattern}\` matches no action in the catalog`]
          : info.level
            ? [`\`${info.pattern}\`: access level **${info.level}**`]
            : [
                `\`${info.pattern}\` matches ${plural(info.matches, 'action')}`,
                info.sample.join(', ') + (info.matches > info.sample.length ? ', …' : ''),
              ];
      return {
        range: new monaco.Range(
          position.lineNumber,
          lit.start,
          position.lineNumber,
          lit.start + lit.whole.length,
        ),
        // Plain text in code spans: action names from the input are never read as markdown or HTML.
        contents: lines.map((value) => ({ value, isTrusted: false, supportHtml: false })),
      };
    },
  });
  registered = {
    client,
    dispose: () => {
      completion.dispose();
      hover.dispose();
    },
  };
}
