import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TerCounts } from '../../../core/metrics';

/** The document's TER edits by kind: what the MT got wrong, word by word. */
export function EditsByTypeChart({ counts }: { counts: TerCounts }) {
  const data = [
    { kind: 'Insertions', edits: counts.insertions },
    { kind: 'Deletions', edits: counts.deletions },
    { kind: 'Substitutions', edits: counts.substitutions },
    { kind: 'Shifts', edits: counts.shifts },
  ];
  return (
    <figure className="chart chart-edits" aria-label="Edits by type">
      <figcaption>Edits by type</figcaption>
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="kind" tick={{ fontSize: 10, fill: 'currentColor' }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10, fill: 'currentColor' }} />
          <Tooltip cursor={{ fillOpacity: 0.1 }} />
          <Bar dataKey="edits" className="chart-bar" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
