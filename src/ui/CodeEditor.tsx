// A Monaco editor for one input, with the errors of core as markers at their line and column.
// Loaded lazily: the page and its first recommendation do not wait for Monaco.
import './monaco';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import type { SourceError } from '../core';
import type { RefinerClient } from '../worker/client';
import { registerActionLanguage } from './actionLanguage';
import { monaco } from './monaco';

export interface CodeEditorProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error: SourceError | null;
  client: RefinerClient;
  testId: string;
  /** JSON (the default) or plain text, as the keep list is one action per line. */
  language?: 'json' | 'plaintext';
  /** Mark this range (1-based line, column) and scroll to it when it changes: the selected pattern. */
  highlight?: { line: number; column: number; length: number } | null;
  dark?: boolean;
}

let tabMovesFocus = false;

export default function CodeEditor(props: CodeEditorProps) {
  const { path, label, value, onChange, onBlur, error, client, testId, highlight, dark } = props;
  const language = props.language ?? 'json';
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const onBlurRef = useRef(onBlur);
  useEffect(() => {
    onBlurRef.current = onBlur;
  }, [onBlur]);

  useEffect(() => {
    registerActionLanguage(client);
  }, [client]);

  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(path));
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'refiner',
      error
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: error.message,
              startLineNumber: error.line,
              startColumn: error.column,
              endLineNumber: error.line,
              endColumn: error.column + 1,
            },
          ]
        : [],
    );
  });

  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !highlight) return;
    const range = new monaco.Range(
      highlight.line,
      highlight.column,
      highlight.line,
      highlight.column + highlight.length,
    );
    const marks = editor.createDecorationsCollection([
      { range, options: { inlineClassName: 'picked-pattern' } },
    ]);
    editor.revealRangeInCenterIfOutsideViewport(range);
    return () => marks.clear();
  }, [highlight, mounted]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    // Tab moves focus out of the editors, as everywhere else on the page; Ctrl+M (Monaco's own
    // toggle, a setting shared by every editor) makes it indent. Set once: the user's toggle stays.
    if (!tabMovesFocus) {
      tabMovesFocus = true;
      editor.trigger('page', 'editor.action.toggleTabFocusMode', null);
    }
    editor.onDidBlurEditorText(() => onBlurRef.current?.());
    setMounted(true);
  };

  return (
    <div className="code-editor" data-testid={testId} aria-label={label}>
      <Editor
        path={path}
        language={language}
        theme={dark ? 'vs-dark' : 'vs'}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        onMount={onMount}
        loading={<div className="editor-loading">Loading the editor…</div>}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          ariaLabel: label,
          tabSize: 2,
          wordWrap: 'off',
          renderValidationDecorations: 'on',
          // Monaco dims the last line's number to a colour too faint to read (WCAG contrast).
          renderFinalNewline: 'on',
          // Its pinned lines are focusable: Tab would stop on them instead of leaving the editor.
          stickyScroll: { enabled: false },
          // Words of the document as suggestions would start Monaco's editor worker (~90 KB gzip)
          // for names the catalog's completion gives better.
          wordBasedSuggestions: 'off',
        }}
      />
    </div>
  );
}
