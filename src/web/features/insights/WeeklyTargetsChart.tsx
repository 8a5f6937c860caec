import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '../../ui/DataTable.js';
import { plural } from '../../ui/format.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useWeek } from '../week/week.api.js';

const css = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/**
 * Requests, replies and conversations per week against the weekly targets: a chart,
 * and beside it the same numbers as a table (the chart alone is no use to a screen reader).
 */
export function WeeklyTargetsChart() {
  const week = useWeek();
  if (week.isPending) return <Loading what="your weeks" />;
  if (week.isError) return <ErrorState error={week.error} />;
  const { history, targets } = week.data;
  const onTarget = history.filter((w) => w.onTarget).length;
  const summary = `Targets: ${plural(targets.requests, 'request')} and ${plural(targets.conversations, 'conversation')} a week. ${onTarget} of the last ${history.length} weeks were on target.`;
  const accent = css('--accent', '#2f5d50');
  const muted = css('--muted', '#666');
  const warn = css('--warn', '#8a5a00');
  return (
    <section className="card" aria-labelledby="in-targets">
      <h2 id="in-targets">Weeks against your targets</h2>
      <p>{summary}</p>
      <div>
        <div className="chart" role="img" aria-label={`Weeks against your targets: ${summary}`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={history.map((w) => ({ week: w.week.slice(5), Requests: w.requests, Replies: w.replies, Conversations: w.conversations }))} margin={{ left: 0, right: 12, top: 8, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="Requests" fill={accent} isAnimationActive={false} />
              <Bar dataKey="Replies" fill={muted} isAnimationActive={false} />
              <Bar dataKey="Conversations" fill={warn} isAnimationActive={false} />
              <ReferenceLine y={targets.requests} stroke={accent} strokeDasharray="6 3" label={{ value: 'Request target', position: 'insideTopLeft', fontSize: 11 }} />
              <ReferenceLine y={targets.conversations} stroke={warn} strokeDasharray="6 3" label={{ value: 'Conversation target', position: 'insideBottomLeft', fontSize: 11 }} />
              <Legend />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div className="table-scroll targets-table" tabIndex={0} role="region" aria-label="The weeks as a table">
          <DataTable
            caption="Weeks against your targets"
            columns={['Week of', 'Requests', 'Replies', 'Conversations', 'New people', 'On target']}
            rows={[...history].reverse().map((w) => ({ key: w.week, cells: [w.week, w.requests, w.replies, w.conversations, w.people, w.onTarget ? 'Yes' : 'No'] }))}
          />
        </div>
      </div>
    </section>
  );
}
