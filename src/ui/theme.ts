// Light or dark: the system's preference (prefers-color-scheme) unless the page's switch says
// otherwise. The choice is kept in this browser; the page, Monaco, the diff and the trie all follow.
import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

const THEME_KEY = 'iam-policy-refiner:v1:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function storedChoice(storage: Storage | null): ThemeChoice {
  try {
    const v = storage?.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

const systemDark = () =>
  typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;

/** The choice, whether the page is dark, and a setter that keeps the choice. */
export function useTheme(storage: Storage | null) {
  const [choice, setChoice] = useState<ThemeChoice>(() => storedChoice(storage));
  const [system, setSystem] = useState(systemDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystem(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const dark = choice === 'dark' || (choice === 'system' && system);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  const choose = (c: ThemeChoice) => {
    setChoice(c);
    try {
      if (c === 'system') storage?.removeItem(THEME_KEY);
      else storage?.setItem(THEME_KEY, c);
    } catch {
      /* kept for this visit only */
    }
  };
  return { choice, dark, choose };
}
