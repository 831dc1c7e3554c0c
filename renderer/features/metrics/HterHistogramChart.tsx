import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DocumentMetrics } from '../../../core/metrics';

const label = (from: number, to: number | null) => (to === null ? `≥${from}` : `${from}–${to}`);

/** How many corrected sentences fall in each band of HTER: light touches on the left, rewrites on the right. */
export function HterHistogramChart({ histogram }: { histogram: DocumentMetrics['hterHistogram'] }) {
  const data = histogram.map((bin) => ({ band: label(bin.from, bin.to), sentences: bin.count }));
  return (
    <figure className="chart chart-hter" aria-label="Corrected sentences by HTER">
      <figcaption>Corrected sentences by HTER (%)</figcaption>
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          {/* Each band by where it starts (its whole range in the tooltip): full ranges ran into each other. */}
          <XAxis dataKey="band" tick={{ fontSize: 10, fill: 'currentColor' }} interval={0} tickFormatter={(band: string) => band.split('–')[0]!} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10, fill: 'currentColor' }} />
          <Tooltip cursor={{ fillOpacity: 0.1 }} />
          <Bar dataKey="sentences" className="chart-bar" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
