// The page's light/dark switch: follow the system (the default), or always light, or always dark.
import type { ThemeChoice } from './theme';

export function ThemeSwitch(props: { choice: ThemeChoice; onChoose: (c: ThemeChoice) => void }) {
  return (
    <label className="theme-switch">
      Theme{' '}
      <select
        data-testid="theme"
        value={props.choice}
        onChange={(e) => props.onChoose(e.currentTarget.value as ThemeChoice)}
      >
        <option value="system">as the system</option>
        <option value="light">light</option>
        <option value="dark">dark</option>
      </select>
    </label>
  );
}
