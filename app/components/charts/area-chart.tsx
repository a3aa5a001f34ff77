// A time series as a line over a shaded area, drawn as inline SVG on the server, with a few labelled gridlines.
import { ChartFrame, ChartSvg, niceCeiling, type ChartRow } from "./chart-frame";

type Props = {
  title: string;
  description: string;
  tableLabel: string;
  columns: [string, string];
  rows: ChartRow[];
  /** Short labels for the axis (e.g. "11-26"); the table keeps the full ones. */
  axisLabel?: (row: ChartRow) => string;
  format: (value: number) => string;
  /** Said instead of a flat line when every value is zero (a period with no sales). */
  empty: string;
  color?: string;
};

const WIDTH = 320;
const HEIGHT = 170;
const LEFT = 72;
const BOTTOM = 20;
const TOP = 8;

export function AreaChart({
  title,
  description,
  tableLabel,
  columns,
  rows,
  axisLabel,
  format,
  empty,
  color = "#15803d",
}: Props) {
  if (!rows.some((row) => row.value !== 0)) {
    return (
      <ChartFrame title={title} tableLabel={tableLabel} columns={columns} rows={rows} format={format}>
        <p className="py-6 text-center text-sm text-stone-600" data-testid="chart-empty">
          {empty}
        </p>
      </ChartFrame>
    );
  }
  const max = niceCeiling(Math.max(0, ...rows.map((row) => row.value)));
  const plotWidth = WIDTH - LEFT - 6;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (rows.length > 1 ? (i / (rows.length - 1)) * plotWidth : plotWidth / 2);
  const y = (value: number) => TOP + plotHeight - (Math.max(0, value) / max) * plotHeight;
  const line = rows.map((row, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(row.value).toFixed(1)}`).join(" ");
  const area = rows.length ? `${line} L${x(rows.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z` : "";
  const ticks = [0, max / 2, max];
  const labelled = rows.length > 2 ? [0, Math.floor((rows.length - 1) / 2), rows.length - 1] : rows.map((_, i) => i);
  return (
    <ChartFrame title={title} tableLabel={tableLabel} columns={columns} rows={rows} format={format}>
      <ChartSvg width={WIDTH} height={HEIGHT} title={title} description={description}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - 6} y1={y(tick)} y2={y(tick)} stroke="#e7e5e4" />
            <text x={LEFT - 4} y={y(tick) + 4} fontSize={10} textAnchor="end" fill="#57534e">
              {format(tick)}
            </text>
          </g>
        ))}
        <path d={area} fill={color} fillOpacity={0.15} />
        <path d={line} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" />
        {labelled.map((i) => (
          <text
            key={rows[i].key}
            x={x(i)}
            y={HEIGHT - 4}
            fontSize={10}
            textAnchor={i === 0 ? "start" : i === rows.length - 1 ? "end" : "middle"}
            fill="#57534e"
          >
            {axisLabel ? axisLabel(rows[i]) : rows[i].label}
          </text>
        ))}
      </ChartSvg>
    </ChartFrame>
  );
}
