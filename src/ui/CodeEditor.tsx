// A Monaco editor for one input, with the errors of core as markers at their line and column.
// Loaded lazily: the page and its first recommendation do not wait for Monaco.
import { useEffect, useLayoutEffect, useRef } from 'react';
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
  const boxRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onBlurRef = useRef(onBlur);
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    onBlurRef.current = onBlur;
    onChangeRef.current = onChange;
  });
  /** True while the page writes a new value into the editor: that edit is not the user's. */
  const writing = useRef(false);

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
  }, [path, error]);

  // The editor and its model, made once for this path, before any effect below runs. The model goes
  // with its editor: the page makes both again when the editor comes back.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const uri = monaco.Uri.parse(path);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, language, uri);
    const editor = monaco.editor.create(box, {
      model,
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
    });
    editorRef.current = editor;
    // Tab moves focus out of the editors, as everywhere else on the page; Ctrl+M (Monaco's own
    // toggle, a setting shared by every editor) makes it indent. Set once: the user's toggle stays.
    if (!tabMovesFocus) {
      tabMovesFocus = true;
      editor.trigger('page', 'editor.action.toggleTabFocusMode', null);
    }
    const changes = model.onDidChangeContent(() => {
      if (!writing.current) onChangeRef.current(model.getValue());
    });
    const blur = editor.onDidBlurEditorText(() => onBlurRef.current?.());
    return () => {
      changes.dispose();
      blur.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // Made once per path; the value, language, label and theme that change later are set below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  // A value the page sets (an example, a share link, a rewrite): written as one edit the user can
  // undo, and at once, in the same commit, so that no keystroke typed meanwhile is overwritten by
  // an older value. The editor's own changes come back equal and are left alone.
  useLayoutEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === value) return;
    writing.current = true;
    try {
      editorRef.current?.executeEdits('page', [
        { range: model.getFullModelRange(), text: value, forceMoveMarkers: true },
      ]);
      editorRef.current?.pushUndoStop();
    } finally {
      writing.current = false;
    }
  }, [value]);

  useLayoutEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [language]);

  useLayoutEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useLayoutEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

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
    // Again on a new path: its editor is a new one.
  }, [highlight, path]);

  return <div className="code-editor" data-testid={testId} aria-label={label} ref={boxRef} />;
}
