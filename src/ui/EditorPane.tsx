// One input: its title, the editor (a plain text area until Monaco has loaded), and under it what
// was read from it or what is wrong with it, with the line and column.
import { lazy, Suspense, type ReactNode } from 'react';
import type { RefinerClient } from '../worker/client';
import type { CodeEditorProps } from './CodeEditor';

const CodeEditor = lazy(() => import('./CodeEditor'));

export interface EditorPaneProps extends CodeEditorProps {
  title: string;
  status: ReactNode;
  client: RefinerClient;
  /** Load Monaco: false until the first answer, so the first recommendation does not wait for it. */
  enhanced: boolean;
  children?: ReactNode;
}

export function EditorPane(props: EditorPaneProps) {
  const { title, status, error, children, enhanced, ...editor } = props;
  const plain = (
    <textarea
      className="code-editor plain"
      data-testid={`${editor.testId}-plain`}
      aria-label={editor.label}
      spellcheck={false}
      value={editor.value}
      onChange={(e) => editor.onChange(e.currentTarget.value)}
      onBlur={editor.onBlur}
    />
  );
  return (
    <section className="pane" aria-label={title}>
      <header className="pane-header">
        <h2>{title}</h2>
        {children}
      </header>
      {enhanced ? (
        <Suspense fallback={plain}>
          <CodeEditor {...editor} error={error} />
        </Suspense>
      ) : (
        plain
      )}
      {error ? (
        <p className="input-error" role="alert" data-testid={`${editor.testId}-error`}>
          <strong>
            Line {error.line}, column {error.column}:
          </strong>{' '}
          {error.message}
        </p>
      ) : (
        <p className="input-status" data-testid={`${editor.testId}-status`}>
          {status}
        </p>
      )}
    </section>
  );
}
