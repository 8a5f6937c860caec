import type { ReactNode } from 'react';

/** A plain table of rows; the first cell of each row is its key. */
export function DataTable({ columns, rows, caption }: { columns: string[]; rows: Array<{ key: string; cells: ReactNode[] }>; caption?: string }) {
  return (
    <table className="data">
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
              <td key={n}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
