import { quote } from '../core';

/** Paths are shown whole; quote's own cut is for pasted text. */
const LONGEST_PATH = 4096;

/** Text as it is when plain; quoted like other user text when it holds what a terminal acts on. */
export function shownText(text: string): string {
  const quoted = quote(text, LONGEST_PATH);
  return quoted === `"${text}"` ? text : quoted;
}

/**
 * An input as messages name it: `stdin` for -, else the path as given, quoted when it is not plain,
 * so a name holding a newline or ESC[2J keeps the message on one line and never reaches the terminal
 * as a command.
 */
export function fileName(path: string): string {
  return path === '-' ? 'stdin' : shownText(path);
}
