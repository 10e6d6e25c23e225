import { examples, type Example } from '../examples';

export function ExamplesMenu({ onPick }: { onPick: (e: Example) => void }) {
  return (
    <label className="examples">
      Examples{' '}
      <select
        data-testid="examples"
        value=""
        onChange={(e) => {
          const ex = examples.find((x) => x.id === e.currentTarget.value);
          if (ex) onPick(ex);
        }}
      >
        <option value="" disabled>
          Load an example…
        </option>
        {examples.map((e) => (
          <option key={e.id} value={e.id} title={e.teaches}>
            {e.title}
          </option>
        ))}
      </select>
    </label>
  );
}
