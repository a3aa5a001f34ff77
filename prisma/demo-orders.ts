// Demo orders for `npm start`: a fresh market whose packing rooms, dashboards and live-room tickers already have
// something to show. They go through the real buying path (server prices, stock holds, local payment, ledger,
// fulfilment), so they obey every rule real orders do. Not used by the tests, which build their own orders.
import { placeOrder } from "../app/domain/checkout/checkout.server.ts";
import { transitionOne } from "../app/domain/fulfilment/flow.server.ts";
import { payLocally } from "../app/domain/payments/local-payment.server.ts";
import { db } from "../app/lib/db.server.ts";

const BUYERS = [
  {
    contactName: "李小梅",
    phone: "13812345678",
    province: "浙江省",
    city: "杭州市",
    district: "西湖区",
    street: "文三路 90 号 3 幢 502 室",
  },
  {
    contactName: "王建华",
    phone: "13957112233",
    province: "上海市",
    city: "上海市",
    district: "徐汇区",
    street: "漕溪北路 18 号 1202 室",
  },
  {
    contactName: "陈晓燕",
    phone: "15067788990",
    province: "江苏省",
    city: "苏州市",
    district: "姑苏区",
    street: "十全街 66 号",
  },
  {
    contactName: "周大勇",
    phone: "18800001111",
    province: "北京市",
    city: "北京市",
    district: "朝阳区",
    street: "望京西园 4 区 7 号楼 903",
  },
];

export async function seedDemoOrders(): Promise<number> {
  const shopper = await db.user.findUnique({ where: { email: "shopper@cunbo.test" } });
  // Lines from the live shows' line-ups, attributed to the show (and its current pin where there is one).
  const shows = await db.show.findMany({
    where: { status: "live" },
    include: {
      items: { include: { product: { include: { variants: { orderBy: { position: "asc" } } } } } },
      pins: { where: { unpinnedAt: null } },
    },
  });
  let placed = 0;
  for (const [showIndex, show] of shows.entries()) {
    const products = show.items.filter((item) => !item.product.preorder && item.product.status === "active");
    for (const [index, item] of products.slice(0, 4).entries()) {
      const variant = item.product.variants.find((v) => v.stock >= 5);
      if (!variant) continue;
      const pin = show.pins.find((p) => p.productId === item.productId);
      const order = await placeOrder({
        userId: index === 0 ? (shopper?.id ?? null) : null,
        items: [{ variantId: variant.id, quantity: 1 + ((index + showIndex) % 3), showId: show.id, pinId: pin?.id }],
        contact: BUYERS[(index + showIndex) % BUYERS.length],
        paymentProvider: "local",
      });
      await payLocally(order.id, "succeed");
      placed += 1;
      if (index === 0) continue;
      // Some parcels are already on their way, so the queue shows every stage.
      const parcel = await db.fulfilmentOrder.findFirstOrThrow({ where: { orderId: order.id } });
      const staff = await db.workshopMember.findFirst({ where: { workshopId: parcel.workshopId } });
      if (!staff) continue;
      const step = { workshopId: parcel.workshopId, actorUserId: staff.userId, id: parcel.id };
      await transitionOne({ ...step, action: "accept" });
      if (index < 2) continue;
      await transitionOne({ ...step, action: "pack" });
      await transitionOne({
        ...step,
        action: "ship",
        ship: { courier: "sf", trackingNumber: `SF${String(1_000_000_000_000 + placed * 7919).slice(0, 13)}` },
      });
    }
  }
  return placed;
}
