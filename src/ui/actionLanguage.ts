// Completion and hover of action names, answered by the worker, which holds the catalog.
import type { RefinerClient } from '../worker/client';
import { monaco } from './monaco';
import { figure } from '../core/numbers';

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

let registered: { client: RefinerClient; dispose: () => void } | null = null;

export function registerActionLanguage(client: RefinerClient): () => void {
  if (registered?.client === client) return () => {};
  registered?.dispose();
  const completion = monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: [':', '"'],
    async provideCompletionItems(model, position) {
      const lit = literalAt(model, position);
      if (!lit || !/^[A-Za-z0-9-]*(:[A-Za-z0-9]*)?$/.test(lit.before)) return { suggestions: [] };
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
  const hover = monaco.languages.registerHoverProvider('json', {
    async provideHover(model, position) {
      const lit = literalAt(model, position);
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
                `\`${info.pattern}\` matches ${figure(info.matches)} action${info.matches === 1 ? '' : 's'}`,
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
  return () => {};
}
