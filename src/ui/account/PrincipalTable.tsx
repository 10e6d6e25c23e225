// The principals, one row each, sorted by how much privilege would go. Only the rows in view are in
// the DOM (2,000 principals would make every redraw a long frame); the header stays in place.
import { figure } from '../../core/messages';
import { memo, useMemo, useState } from 'react';
import { ACCESS_LEVELS } from '../../account';
import type { PrincipalRow } from '../../worker/account/protocol';
import { DEFAULT_SORT, removedAt, visibleRows, type Sort, type SortKey } from './principalSort';

const ROW_HEIGHT = 34;
const VIEW_ROWS = 14;

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Principal', numeric: false },
  { key: 'policies', label: 'Policies', numeric: true },
  { key: 'removed', label: 'Actions removed', numeric: true },
  ...ACCESS_LEVELS.map((l) => ({ key: l as SortKey, label: l, numeric: true })),
];

export function PrincipalTable({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly PrincipalRow[];
  selected: number | null;
  onSelect: (principal: number) => void;
}) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [top, setTop] = useState(0);
  const shown = useMemo(() => visibleRows(rows, search, sort), [rows, search, sort]);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 4);
  const slice = shown.slice(first, first + VIEW_ROWS + 8);
  return (
    <div className="principal-table">
      <div className="table-tools">
        <label>
          Search{' '}
          <input
            type="search"
            value={search}
            data-testid="principal-search"
            placeholder="role name, ARN or policy"
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </label>
        <span className="note" role="status" data-testid="principal-count">
          {shown.length === rows.length
            ? `${figure(rows.length)} principals`
            : `${figure(shown.length)} of ${figure(rows.length)} principals`}
        </span>
      </div>
      <div
        className="table-scroll"
        style={{ height: ROW_HEIGHT * (VIEW_ROWS + 1) + 2 }}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        aria-label="Principals"
        role="region"
      >
        <table data-testid="principal-table" aria-rowcount={shown.length + 1}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={
                    sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined
                  }
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort((s) => ({
                        key: c.key,
                        descending: s.key === c.key ? !s.descending : c.numeric,
                      }))
                    }
                  >
                    {c.label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr style={{ height: first * ROW_HEIGHT }} aria-hidden="true" />}
            {slice.map((r, i) => (
              <Row
                key={r.principal}
                row={r}
                index={first + i}
                selected={r.principal === selected}
                onSelect={onSelect}
              />
            ))}
            {first + slice.length < shown.length && (
              <tr
                style={{ height: (shown.length - first - slice.length) * ROW_HEIGHT }}
                aria-hidden="true"
              />
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const Row = memo(function Row({
  row,
  index,
  selected,
  onSelect,
}: {
  row: PrincipalRow;
  index: number;
  selected: boolean;
  onSelect: (principal: number) => void;
}) {
  return (
    <tr
      className={selected ? 'selected' : undefined}
      aria-rowindex={index + 2}
      style={{ height: ROW_HEIGHT }}
      data-testid="principal-row"
    >
      <th scope="row">
        <button
          type="button"
          className="link-like"
          onClick={() => onSelect(row.principal)}
          title={row.arn}
          aria-current={selected ? 'true' : undefined}
        >
          <span className="kind">{row.kind}</span> {row.name}
        </button>
        {row.bug && <span className="badge error"> bug</span>}
        {row.policies.some((p) => p.error) && (
          <span className="badge error"> unreadable policy</span>
        )}
        {row.policies.some((p) => p.overQuota && p.split?.parts.length) && (
          <span
            className="badge split"
            title="A result over the quota is split into managed policies"
          >
            {' '}
            split
          </span>
        )}
        {row.policies.some((p) => p.overQuota && !p.split?.parts.length) && (
          <span className="badge error" title="A result over the quota that no split fits">
            {' '}
            over quota
          </span>
        )}
      </th>
      <td className="num">{row.policies.length}</td>
      <td className="num">{row.removed}</td>
      {ACCESS_LEVELS.map((l) => (
        <td key={l} className="num">
          {removedAt(row, l) || ''}
        </td>
      ))}
    </tr>
  );
});
