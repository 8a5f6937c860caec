import cytoscape from 'cytoscape';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReferralGraph } from '../../../shared/schemas/insights.js';
import { plural } from '../../ui/format.js';
import { responsivenessLabels, statusLabels } from '../../ui/labels.js';
import { DataTable } from '../../ui/DataTable.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useInsights, useReferralGraph } from './insights.api.js';
import { WeeklyTargetsChart } from './WeeklyTargetsChart.js';

/**
 * Cytoscape adds a <style> element for its container unless one with this id
 * exists; the strict Content-Security-Policy forbids that, so the rule lives in
 * styles.css and this marker tells Cytoscape it is already there.
 */
function markCytoscapeStyles(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.append(marker);
}

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#2f5d50';

/** A chart and, for anyone who cannot see it (or prefers numbers), the same data as a table. */
function ChartCard({ id, title, summary, children, rows, columns }: { id: string; title: string; summary: string; children: ReactNode; rows: Array<Array<string | number>>; columns: string[] }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{summary}</p>
      <div className="chart" role="img" aria-label={`${title}: ${summary}`}>
        {children}
      </div>
      <details>
        <summary>The numbers</summary>
        <DataTable caption={title} columns={columns} rows={rows.map((r) => ({ key: String(r[0]), cells: r }))} />
      </details>
    </section>
  );
}

/** A category label on two lines when it has more than one word, so neighbours never run together on a phone. */
function TwoLineTick({ x = 0, y = 0, payload, fill }: { x?: number; y?: number; payload?: { value?: unknown }; fill?: string }) {
  const words = String(payload?.value ?? '').split(' ');
  const half = Math.ceil(words.length / 2);
  const lines = words.length > 1 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : words;
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={10} fill={fill}>
      {lines.map((line, n) => (
        <tspan key={n} x={x} dy={n === 0 ? 10 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function Bars({ data, x, y, vertical = false, allTicks = false }: { data: Array<Record<string, string | number>>; x: string; y: string | string[]; vertical?: boolean; allTicks?: boolean }) {
  const fill = css('--accent');
  const muted = css('--muted');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={vertical ? 'vertical' : 'horizontal'} margin={{ left: vertical ? 60 : 0, right: 12, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? <XAxis type="number" allowDecimals={false} /> : allTicks ? (
          <XAxis dataKey={x} interval={0} height={36} tick={<TwoLineTick fill={muted} />} />
        ) : (
          <XAxis dataKey={x} tick={{ fontSize: 12 }} />
        )}
        {vertical ? <YAxis type="category" dataKey={x} width={110} /> : <YAxis allowDecimals={false} />}
        <Tooltip />
        {(Array.isArray(y) ? y : [y]).map((key, n) => (
          <Bar key={key} dataKey={key} fill={n === 0 ? fill : muted} isAnimationActive={false} />
        ))}
        {Array.isArray(y) ? <Legend /> : null}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Who led to whom, drawn with Cytoscape; the tables beside it carry the same facts. */
function ReferralGraphView({ graph }: { graph: ReferralGraph }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current || graph.nodes.length === 0) return;
    markCytoscapeStyles();
    const accent = css('--accent');
    const text = css('--text');
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.conversations ? `${n.name} (${n.conversations})` : n.name } })),
        ...graph.edges.map((e) => ({ data: { id: `${e.from}-${e.to}`, source: e.from, target: e.to } })),
      ],
      layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.1, padding: 16 },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'background-color': accent, color: text, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, width: 18, height: 18 } },
        { selector: 'edge', style: { width: 2, 'line-color': accent, 'target-arrow-color': accent, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.7 } },
      ],
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
    });
    return () => cy.destroy();
  }, [graph]);
  if (graph.nodes.length === 0) return <p className="muted">No referrals yet. Ask “Who else should I talk to?” near the end of each conversation.</p>;
  return (
    <>
      <div ref={container} className="graph" role="img" aria-label={`Referral graph: ${plural(graph.nodes.length, 'person', 'people')}, ${plural(graph.edges.length, 'introduction')}, chains up to ${plural(graph.maxDepth, 'step')} long.`} />
      <h3>People whose introductions led to the most conversations</h3>
      <DataTable
        columns={['Person', 'Introductions', 'Conversations that followed']}
        rows={graph.topIntroducers.map((t) => ({ key: t.id, cells: [<Link to={`/people/${t.id}`}>{t.name}</Link>, t.introductions, t.conversations] }))}
      />
      <details>
        <summary>Everyone in the graph, by chain depth</summary>
        <DataTable
          columns={['Person', 'Organisation', 'Steps from the start of the chain', 'Conversations held']}
          rows={graph.nodes.map((n) => ({ key: n.id, cells: [<Link to={`/people/${n.id}`}>{n.name}</Link>, n.organization ?? '', n.depth, n.conversations] }))}
        />
      </details>
    </>
  );
}

export function InsightsPage() {
  const insights = useInsights();
  const graph = useReferralGraph();
  if (insights.isPending) return <Loading what="insights" />;
  if (insights.isError) return <ErrorState error={insights.error} />;
  const x = insights.data;
  const rate = x.requests.rate === null ? 'no requests yet' : `${Math.round(x.requests.rate * 100)}% answered (${x.requests.answered} of ${x.requests.sent})`;
  const mix = (['booster', 'obligate', 'curmudgeon', 'unknown'] as const).map((k) => ({ kind: responsivenessLabels[k] ?? k, people: x.responsiveness[k] }));
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Insights</h1>
          <p className="muted">How your requests are answered and how your conversations add up.</p>
        </div>
      </div>
      <div className="insights-grid">
      <ChartCard id="in-funnel" title="From idea to keeping in touch" summary={`Requests: ${rate}.`} columns={['Stage', 'Interviews']} rows={x.funnel.map((f) => [f.label, f.count])}>
        <Bars data={x.funnel.map((f) => ({ stage: f.label, count: f.count }))} x="stage" y="count" vertical />
      </ChartCard>
      <ChartCard
        id="in-reply"
        title="Time to reply"
        summary={x.timeToReply.medianDays === null ? 'No replies recorded yet.' : `Half of the replies came within ${x.timeToReply.medianDays} day${x.timeToReply.medianDays === 1 ? '' : 's'}.`}
        columns={['Reply came', 'Requests']}
        rows={x.timeToReply.buckets.map((b) => [b.label, b.count])}
      >
        <Bars data={x.timeToReply.buckets.map((b) => ({ when: b.label, count: b.count }))} x="when" y="count" allTicks />
      </ChartCard>
      <ChartCard id="in-mix" title="Boosters, obligates and curmudgeons" summary="Among the people you asked: boosters answer fast, obligates answer slowly, curmudgeons rarely answer." columns={['Kind', 'People']} rows={mix.map((m) => [m.kind, m.people])}>
        <Bars data={mix} x="kind" y="people" allTicks />
      </ChartCard>
      <ChartCard
        id="in-weeks"
        title="Conversations per week"
        summary={`${x.perWeek.reduce((n, w) => n + w.held, 0)} held and ${x.perWeek.reduce((n, w) => n + w.requested, 0)} requested in the last ${x.perWeek.length} weeks.`}
        columns={['Week of', 'Held', 'Requested']}
        rows={x.perWeek.map((w) => [w.week, w.held, w.requested])}
      >
        <Bars data={x.perWeek.map((w) => ({ week: w.week.slice(5), Held: w.held, Requested: w.requested }))} x="week" y={['Held', 'Requested']} />
      </ChartCard>
      </div>
      <WeeklyTargetsChart />
      <section className="card" aria-labelledby="in-status">
        <h2 id="in-status">Interviews by state</h2>
        <DataTable columns={['State', 'Interviews']} rows={x.byStatus.map((st) => ({ key: st.status, cells: [statusLabels[st.status], st.count] }))} />
      </section>
      <section className="card" aria-labelledby="in-graph">
        <h2 id="in-graph">Referral graph</h2>
        {graph.isError ? <ErrorState error={graph.error} /> : graph.data ? <ReferralGraphView graph={graph.data} /> : <Loading what="the referral graph" />}
      </section>
    </section>
  );
}
