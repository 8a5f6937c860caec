import type { ReportCell } from '../../../shared/schemas/reports.js';

/** One count of the report: the number, "<5" (read aloud as "less than 5"), or "hidden". */
export function ReportValue({ cell }: { cell: ReportCell }) {
  if (typeof cell === 'number') return <>{cell.toLocaleString('en-GB')}</>;
  if (cell === '<5') return <>&lt;5</>;
  return <span className="muted">hidden</span>;
}
