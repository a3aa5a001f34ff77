import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { parseCsv } from "../helpers/csv";
import { Visitor } from "../helpers/http";
import { createPaidOrder, workshopBySlug } from "../helpers/paid-order-fixture";
import { pdfPages } from "../helpers/pdf-text";
import { startTestServer } from "../helpers/server";

const HOUR = 3_600_000;
const CONSOLE = "/studio/berry-good-market/fulfilment";
let baseUrl: string;
let staff: Visitor;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  staff = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
});

function form(entries: [string, string][]) {
  return staff.request(CONSOLE, { method: "POST", body: new URLSearchParams(entries), headers: { Origin: baseUrl } });
}

describe("the packing-room console", () => {
  it("lists parcels soonest ship-by first and marks the overdue ones", async () => {
    const now = Date.now();
    const later = await createPaidOrder({ workshopSlug: "berry-good-market", shipBy: new Date(now + 20 * HOUR) });
    const overdue = await createPaidOrder({
      workshopSlug: "berry-good-market",
      shipBy: new Date(now - 2 * HOUR + 5 * 60_000),
    });
    const soon = await createPaidOrder({ workshopSlug: "berry-good-market", shipBy: new Date(now + 1 * HOUR) });
    const html = await (await staff.get(CONSOLE)).text();
    const positions = [overdue, soon, later].map((order) => html.indexOf(order.number));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const overdueCard = html.slice(html.lastIndexOf("<article", positions[0]), positions[0]);
    expect(overdueCard).toContain('data-overdue="true"');
    expect(html).toContain("已超时 2 小时");
  });

  it("ships a packed parcel only with a tracking number that fits the courier", async () => {
    const order = await createPaidOrder({ workshopSlug: "berry-good-market", status: "packed" });
    const id = order.fulfilmentOrderId;
    const wrong = await staff.post(CONSOLE, { intent: "ship", id, courier: "sf", trackingNumber: "12345" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("运单号格式和所选快递公司不符");
    const missing = await staff.post(CONSOLE, { intent: "ship", id, courier: "sf", trackingNumber: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("请填写运单号");
    const right = await staff.post(CONSOLE, { intent: "ship", id, courier: "ems", trackingNumber: "ea123456789cn" });
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toContain("notice=ship");
    const parcel = await db.fulfilmentOrder.findUniqueOrThrow({ where: { id } });
    expect(parcel).toMatchObject({ status: "shipped", courier: "ems", trackingNumber: "EA123456789CN" });
    const html = await (await staff.get(`${CONSOLE}?status=shipped`)).text();
    expect(html).toContain("EA123456789CN");
    expect(html).toContain("中国邮政 EMS");
  });

  it("refuses a step the parcel cannot take with 409 and the reason", async () => {
    const order = await createPaidOrder({ workshopSlug: "berry-good-market" });
    const response = await staff.post(CONSOLE, { intent: "pack", id: order.fulfilmentOrderId });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("请先接单");
    const noReason = await staff.post(CONSOLE, { intent: "exception", id: order.fulfilmentOrderId, reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("请写明原因");
  });

  it("an exception with a refund gives that workshop's part back: parcel cancelled, ledger reversed by new entries", async () => {
    const order = await createPaidOrder({ workshopSlug: "berry-good-market" });
    const response = await staff.post(CONSOLE, {
      intent: "exception",
      id: order.fulfilmentOrderId,
      reason: "草莓在分拣时压坏了，无法补发",
      refund: "on",
    });
    expect(response.status).toBe(302);
    const parcel = await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: order.fulfilmentOrderId } });
    expect(parcel.status).toBe("cancelled");
    const entries = await db.ledgerEntry.findMany({ where: { orderId: order.orderId } });
    const sales = entries.filter((e) => e.kind === "sale");
    const reversals = entries.filter((e) => e.kind === "reversal");
    expect(reversals).toHaveLength(sales.length);
    expect(entries.reduce((sum, e) => sum + e.amountFen, 0)).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("refunded");
  });

  it("accepts ticked parcels in bulk and ships them in bulk with a tracking number each", async () => {
    const orders = await Promise.all([1, 2].map(() => createPaidOrder({ workshopSlug: "berry-good-market" })));
    const ids = orders.map((o) => o.fulfilmentOrderId);
    const accepted = await form([["intent", "bulk-accept"], ...ids.map((id): [string, string] => ["ids", id])]);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toContain("changed=2");
    await db.fulfilmentOrder.updateMany({ where: { id: { in: ids } }, data: { status: "packed" } });
    const shipPage = await staff.get(`${CONSOLE}?view=ship&ids=${ids[0]}&ids=${ids[1]}`);
    expect(await shipPage.text()).toContain("批量发货：2 个已打包的包裹");
    const bad = await form([
      ["intent", "bulk-ship"],
      ["courier", "sf"],
      ...ids.map((id): [string, string] => ["ids", id]),
      [`tracking-${ids[0]}`, "SF1234567890123"],
      [`tracking-${ids[1]}`, "nope"],
    ]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("运单号格式和所选快递公司不符");
    expect((await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: ids[0] } })).status).toBe("packed");
    const good = await form([
      ["intent", "bulk-ship"],
      ["courier", "sf"],
      ...ids.map((id): [string, string] => ["ids", id]),
      [`tracking-${ids[0]}`, "SF1234567890123"],
      [`tracking-${ids[1]}`, "SF1234567890124"],
    ]);
    expect(good.status).toBe(302);
    const shipped = await db.fulfilmentOrder.findMany({
      where: { id: { in: ids } },
      orderBy: { trackingNumber: "asc" },
    });
    expect(shipped.map((p) => [p.status, p.trackingNumber])).toEqual([
      ["shipped", "SF1234567890123"],
      ["shipped", "SF1234567890124"],
    ]);
  });

  it("filters by show and product and pages through a long queue", async () => {
    const berry = await workshopBySlug("berry-good-market");
    const show = await db.show.findFirstOrThrow({ where: { status: "ended" } });
    const product = await db.product.findFirstOrThrow({
      where: { workshopId: berry.id, slug: { not: undefined } },
      orderBy: { slug: "desc" },
    });
    const fromShow = await createPaidOrder({ workshopSlug: "berry-good-market", lines: [{ showId: show.id }] });
    const ofProduct = await createPaidOrder({
      workshopSlug: "berry-good-market",
      lines: [{ productSlug: product.slug }],
    });
    const byShow = await (await staff.get(`${CONSOLE}?status=all&show=${show.id}`)).text();
    expect(byShow).toContain(fromShow.number);
    expect(byShow).not.toContain(ofProduct.number);
    const byProduct = await (await staff.get(`${CONSOLE}?status=all&product=${product.id}`)).text();
    expect(byProduct).toContain(ofProduct.number);
    for (let i = 0; i < 50; i++) await createPaidOrder({ workshopSlug: "berry-good-market" });
    const total = await db.fulfilmentOrder.count({ where: { workshopId: berry.id } });
    const first = await (await staff.get(`${CONSOLE}?status=all`)).text();
    expect(first).toContain(`共 ${total} 个`);
    expect(first.match(/data-testid="parcel"/g)).toHaveLength(50);
    const second = await (await staff.get(`${CONSOLE}?status=all&page=2`)).text();
    expect(second.match(/data-testid="parcel"/g)).toHaveLength(total - 50);
  });
});

describe("packing slips and the courier export", () => {
  it("prints one page per parcel with its order number, items, note, address and a QR link to the order", async () => {
    const a = await createPaidOrder({
      workshopSlug: "berry-good-market",
      contactName: "王阿姨",
      phone: "13912345678",
      lines: [{ quantity: 3, customisationNote: "请放两块冰袋" }],
    });
    const b = await createPaidOrder({ workshopSlug: "berry-good-market", contactName: "陈师傅" });
    const response = await staff.get(`${CONSOLE}/slips?ids=${a.fulfilmentOrderId},${b.fulfilmentOrderId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: a.orderId } });
    expect(pages[0].text).toContain(a.number);
    expect(pages[0].text).toContain(`${line.titleZh} · ${line.variantNameZh}`);
    expect(pages[0].text).toContain("× 3");
    expect(pages[0].text).toContain("定制要求: 请放两块冰袋");
    expect(pages[0].text).toContain("王阿姨  13912345678");
    expect(pages[0].text).toContain("浙江省杭州市西湖区文三路 90 号 3 幢 502 室");
    expect(pages[0].text).toMatch(/发货截止: \d+月\d+日 \d\d:\d\d/);
    expect(pages[1].text).toContain(b.number);
    expect(pdf.toString("latin1")).toContain(`/orders/${a.orderId}?token=${a.accessToken}`);
  });

  it("asks for a ticked parcel instead of printing or shipping the whole queue when none is ticked", async () => {
    const print = await staff.get(`${CONSOLE}/slips?selection=1`);
    expect(print.status).toBe(400);
    expect(await print.text()).toBe("请先勾选包裹");
    const ship = await staff.get(`${CONSOLE}?selection=1&view=ship`);
    expect(ship.status).toBe(200);
    expect(await ship.text()).toContain("请先勾选包裹");
  });

  it("exports the filtered queue as CSV that reads back to the same parcels", async () => {
    const order = await createPaidOrder({
      workshopSlug: "berry-good-market",
      contactName: '=HYPERLINK("x")',
      lines: [{ quantity: 2 }],
      shipBy: new Date("2026-12-01T02:30:00Z"),
    });
    await db.fulfilmentOrder.update({
      where: { id: order.fulfilmentOrderId },
      data: { status: "shipped", courier: "zto", trackingNumber: "731234567890" },
    });
    const response = await staff.get(`${CONSOLE}/export?status=shipped`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual([
      "订单号",
      "收件人",
      "电话",
      "省",
      "市",
      "区县",
      "详细地址",
      "商品",
      "重量(kg)",
      "发货截止",
      "快递公司",
      "运单号",
      "状态",
    ]);
    const row = rows.find((r) => r[0] === order.number)!;
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.orderId }, include: { variant: true } });
    expect(row).toEqual([
      order.number,
      '\'=HYPERLINK("x")',
      "13800138000",
      "浙江省",
      "杭州市",
      "西湖区",
      "文三路 90 号 3 幢 502 室",
      `${line.titleZh} ${line.variantNameZh} ×2`,
      ((line.variant.weightGrams * 2) / 1000).toFixed(2),
      "2026-12-01 10:30",
      "中通快递",
      "731234567890",
      "已发货",
    ]);
    expect(rows.slice(1).every((r) => r[12] === "已发货")).toBe(true);
  });
});
