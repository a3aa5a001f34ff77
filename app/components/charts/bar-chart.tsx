// Horizontal bars drawn as inline SVG on the server: long Chinese product and show names fit on a phone, and no
// chart library reaches the browser.
import { ChartFrame, ChartSvg, niceCeiling, type ChartRow } from "./chart-frame";

type Props = {
  title: string;
  description: string;
  tableLabel: string;
  columns: [string, string];
  rows: ChartRow[];
  format: (value: number) => string;
  empty: string;
  color?: string;
};

const WIDTH = 320;
const ROW = 36;

export function BarChart({ title, description, tableLabel, columns, rows, format, empty, color = "#c2410c" }: Props) {
  if (rows.length === 0) {
    return (
      <ChartFrame title={title} tableLabel={tableLabel} columns={columns} rows={rows} format={format} namedRows>
        <p className="py-6 text-center text-sm text-stone-600" data-testid="chart-empty">
          {empty}
        </p>
      </ChartFrame>
    );
  }
  const max = niceCeiling(Math.max(...rows.map((row) => row.value)));
  const height = rows.length * ROW;
  return (
    <ChartFrame title={title} tableLabel={tableLabel} columns={columns} rows={rows} format={format} namedRows>
      <ChartSvg width={WIDTH} height={height} title={title} description={description}>
        {rows.map((row, i) => {
          const y = i * ROW;
          const barWidth = Math.max(0, (row.value / max) * (WIDTH - 80));
          return (
            <g key={row.key}>
              <text x={0} y={y + 12} fontSize={11} fill="#44403c" data-as-written>
                {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
              </text>
              <rect x={0} y={y + 17} width={WIDTH - 80} height={12} rx={3} fill="#f5f5f4" />
              <rect x={0} y={y + 17} width={barWidth} height={12} rx={3} fill={color} />
              <text x={WIDTH} y={y + 27} fontSize={11} textAnchor="end" fill="#1c1917" fontWeight={600}>
                {format(row.value)}
              </text>
            </g>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
