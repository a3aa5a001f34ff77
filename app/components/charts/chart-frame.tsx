// What every chart shares: a figure with a caption, and the same numbers as a table for screen readers, printing,
// and anyone who would rather read than look.
import { useId, type ReactNode } from "react";

export type ChartRow = { key: string; label: string; value: number };

type Props = {
  title: string;
  tableLabel: string;
  columns: [string, string];
  rows: ChartRow[];
  format: (value: number) => string;
  children: ReactNode;
  /** The rows are named by data (products, shows), shown as their authors wrote them. */
  namedRows?: boolean;
};

export function ChartFrame({ title, tableLabel, columns, rows, format, children, namedRows }: Props) {
  return (
    <figure className="h-full rounded-xl border border-stone-200 bg-white p-3">
      <figcaption className="text-base font-semibold">{title}</figcaption>
      <div className="mt-2">{children}</div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-stone-700">{tableLabel}</summary>
        <table className="mt-1 w-full text-left">
          <thead>
            <tr className="border-b border-stone-200 text-stone-600">
              <th scope="col" className="py-1 font-medium">
                {columns[0]}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {columns[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-stone-100">
                <th scope="row" className="py-1 font-normal" data-as-written={namedRows || undefined}>
                  {row.label}
                </th>
                <td className="py-1 text-right tabular-nums">{format(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A round number at or above `value`, for the top of an axis (1, 2 or 5 times a power of ten). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((s) => s * power >= value) ?? 10;
  return step * power;
}

/** The drawing itself: an SVG named and described for screen readers by the chart's title and summary. */
export function ChartSvg({
  width,
  height,
  title,
  description,
  children,
}: {
  width: number;
  height: number;
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}
