// A Monaco editor for one input, with the errors of core as markers at their line and column.
// Loaded lazily: the page and its first recommendation do not wait for Monaco.
import './monaco';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
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
  /** Reveal and select this range (1-based line, column) when it changes. */
  reveal?: { line: number; column: number; length: number } | null;
}

export default function CodeEditor(props: CodeEditorProps) {
  const { path, label, value, onChange, onBlur, error, client, testId, reveal } = props;
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const onBlurRef = useRef(onBlur);
  useEffect(() => {
    onBlurRef.current = onBlur;
  }, [onBlur]);

  useEffect(() => registerActionLanguage(client), [client]);

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

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    const range = new monaco.Range(
      reveal.line,
      reveal.column,
      reveal.line,
      reveal.column + reveal.length,
    );
    editor.revealRangeInCenter(range);
    editor.setSelection(range);
  }, [reveal]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.onDidBlurEditorText(() => onBlurRef.current?.());
  };

  return (
    <div className="code-editor" data-testid={testId} aria-label={label}>
      <Editor
        path={path}
        language="json"
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
        }}
      />
    </div>
  );
}
