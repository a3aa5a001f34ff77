import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AreaChart } from "~/components/charts/area-chart";
import { BarChart } from "~/components/charts/bar-chart";
import { chartMoney } from "~/components/charts/money-axis";
import { formatMoney } from "~/lib/money";

const props = {
  title: "每日销售额",
  description: "近 30 天",
  tableLabel: "查看数据表",
  columns: ["日期", "销售额"] as [string, string],
  format: (fen: number) => chartMoney(fen, "zh-CN"),
  empty: "这段时间还没有销售",
};

/** The drawing only, not the data table under it. */
const drawing = (html: string) => html.slice(0, html.indexOf("<details"));

describe("the dashboard charts", () => {
  it("say there is nothing yet instead of drawing a period of ¥0 days", () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({ key: `d${i}`, label: `2026-11-${i + 1}`, value: 0 }));
    const html = renderToStaticMarkup(<AreaChart {...props} rows={rows} />);
    expect(drawing(html)).toContain("这段时间还没有销售");
    expect(drawing(html)).not.toContain("<svg");
    expect(drawing(html)).not.toContain("¥0");
    expect(drawing(renderToStaticMarkup(<BarChart {...props} rows={[]} />))).toContain("这段时间还没有销售");
  });

  it("label their scale in the dashboards' one money format, ¥1,436.00", () => {
    const rows = [
      { key: "a", label: "2026-11-25", value: 0 },
      { key: "b", label: "2026-11-26", value: 143_600 },
    ];
    const html = renderToStaticMarkup(<AreaChart {...props} rows={rows} />);
    expect(drawing(html)).toContain("¥2,000.00");
    expect(drawing(html)).toContain("¥1,000.00");
    expect(html).toContain("¥1,436.00");
    expect(chartMoney(143_600, "zh-CN")).toBe(formatMoney(143_600, "zh-CN"));
  });

  it("fill the width of their card", () => {
    const rows = [{ key: "a", label: "伞", value: 100 }];
    const html = renderToStaticMarkup(<BarChart {...props} rows={rows} />);
    expect(html).toMatch(/<svg[^>]*class="w-full"/);
  });
});
