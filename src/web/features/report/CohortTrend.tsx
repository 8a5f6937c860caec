import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportCell, ReportRow, ReportWeek } from '../../../shared/schemas/reports.js';
import { DataTable } from '../../ui/DataTable.js';
import { ReportValue } from './ReportValue.js';

const css = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
/** A held-back count has no bar: the chart leaves a gap and the table beside it says why. */
const bar = (cell: ReportCell) => (typeof cell === 'number' ? cell : null);

/**
 * One group's requests sent and conversations held in each of the last 8 weeks: a
 * chart, and the same numbers as a table (which also shows which were held back).
 */
export function CohortTrend({ row, weeks }: { row: ReportRow; weeks: ReportWeek[] }) {
  const shownWeeks = row.trend.filter((t) => typeof t.requests === 'number' || typeof t.conversations === 'number').length;
  const summary =
    shownWeeks === 0
      ? `Every week of ${row.group.name} is held back: the numbers are too small to show.`
      : `${row.group.name}: requests sent and conversations held per week, ${weeks[0]?.week ?? ''} to ${weeks.at(-1)?.week ?? ''}. Weeks with a small number have no bar; the table says which.`;
  return (
    <section className="card" aria-labelledby="report-trend">
      <h2 id="report-trend">The last 8 weeks: {row.group.name}</h2>
      <p>{summary}</p>
      {shownWeeks > 0 ? (
        <div className="chart" role="img" aria-label={summary}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={weeks.map((w, i) => ({ week: w.week.slice(5), Requests: bar(row.trend[i]?.requests ?? '<5'), Conversations: bar(row.trend[i]?.conversations ?? '<5') }))} margin={{ left: 0, right: 12, top: 8, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="Requests" fill={css('--accent', '#2f5d50')} isAnimationActive={false} />
              <Bar dataKey="Conversations" fill={css('--warn', '#8a5a00')} isAnimationActive={false} />
              <Legend />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="The weeks as a table">
        <DataTable
          caption={`Requests and conversations per week: ${row.group.name}`}
          columns={['Week', 'Starting', 'Requests', 'Conversations']}
          rows={weeks.map((w, i) => ({
            key: w.week,
            cells: [w.week, w.start, <ReportValue key="r" cell={row.trend[i]?.requests ?? 'hidden'} />, <ReportValue key="c" cell={row.trend[i]?.conversations ?? 'hidden'} />],
          }))}
        />
      </div>
    </section>
  );
}
