// One input of the account view: files dropped or picked (read in a worker, never here), or text
// pasted. A large paste is kept as it is; only its size is shown.
import { useId, useState } from 'react';
import type { AccountInput } from '../../worker/account/protocol';

export function FileDrop({
  title,
  hint,
  testId,
  inputs,
  onInputs,
}: {
  title: string;
  hint: string;
  testId: string;
  inputs: AccountInput[];
  onInputs: (inputs: AccountInput[]) => void;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const files = (list: FileList | null) =>
    onInputs([...(list ?? [])].map((f) => ({ name: f.name, file: f })));
  const pasted = inputs.length === 1 && inputs[0].text !== undefined ? inputs[0].text : '';
  return (
    <section
      className={over ? 'file-drop over' : 'file-drop'}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        files(e.dataTransfer?.files ?? null);
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="note">{hint}</p>
      <label className="file-pick">
        Drop files here or <span className="link-like">choose files</span>
        <input
          type="file"
          multiple
          accept=".json,.jsonl,application/json"
          data-testid={`${testId}-files`}
          onChange={(e) => files(e.currentTarget.files)}
        />
      </label>
      {inputs.some((i) => i.file) && (
        <ul className="file-list">
          {inputs.map((i) => (
            <li key={i.name}>
              {i.name} ({((i.file?.size ?? 0) / 1048576).toFixed(1)} MB)
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-paste`}>or paste</label>
      <textarea
        id={`${id}-paste`}
        data-testid={`${testId}-paste`}
        rows={4}
        spellcheck={false}
        value={pasted.length > 200_000 ? '' : pasted}
        placeholder={
          pasted.length > 200_000 ? `${(pasted.length / 1048576).toFixed(1)} MB pasted` : ''
        }
        onChange={(e) =>
          onInputs(e.currentTarget.value ? [{ name: 'pasted', text: e.currentTarget.value }] : [])
        }
      />
    </section>
  );
}
