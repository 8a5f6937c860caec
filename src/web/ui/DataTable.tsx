import type { ReactNode } from 'react';

/**
 * A plain table of rows; the first cell of each row is its key. With `stack`, a narrow screen
 * shows each row as a block, every cell under its column's name, so nothing sits off-screen.
 */
export function DataTable({ columns, rows, caption, stack = false }: { columns: string[]; rows: Array<{ key: string; cells: ReactNode[] }>; caption?: string; stack?: boolean }) {
  return (
    <table className={stack ? 'data stack' : 'data'}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((v, n) => (
              <td key={n} data-label={stack ? columns[n] : undefined}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
