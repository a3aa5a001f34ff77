import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AreaChart } from "~/components/charts/area-chart";
import { chartMoney } from "~/components/charts/money-axis";

const props = {
  title: "每日销售额",
  description: "近 30 天",
  tableLabel: "查看数据表",
  columns: ["日期", "销售额"] as [string, string],
  format: (fen: number) => chartMoney(fen, "zh-CN"),
};

describe("the sales-by-day chart", () => {
  it("draws a single zero line for a period with no sales, not a scale of fractions of a fen", () => {
    const rows = ["2026-11-25", "2026-11-26"].map((day) => ({ key: day, label: day, value: 0 }));
    const svg = renderToStaticMarkup(<AreaChart {...props} rows={rows} />);
    expect(svg).not.toContain("¥0.01");
    expect(svg).toContain("¥0");
  });

  it("labels its scale in yuan when there are sales", () => {
    const rows = [
      { key: "a", label: "2026-11-25", value: 0 },
      { key: "b", label: "2026-11-26", value: 143_600 },
    ];
    const svg = renderToStaticMarkup(<AreaChart {...props} rows={rows} />);
    expect(svg).toContain("¥2,000");
    expect(svg).toContain("¥1,000");
  });
});
