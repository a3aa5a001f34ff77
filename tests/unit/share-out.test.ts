// The share-out's rules on their own: no database, no clock; a reading and orders in, shares out.
import { describe, expect, it } from "vitest";
import type { Attribution } from "~/domain/checkout/attribution.server";
import type { PlaceOrderInput } from "~/domain/checkout/order-rows.server";
import { priceRows, type PricingItem, type PricingRow } from "~/domain/checkout/pricing.server";
import { attributionKey, rowsKey, shareOut, type Reading, type Share } from "~/domain/checkout/share-out.server";
import { Conflict, InvalidInput, SoldOut } from "~/domain/errors.server";
import { NOW, pricingRow, withDeal } from "../helpers/pricing-rows";

const NO_HOST: Attribution = { showId: null, pinId: null, hostId: null, hostCommissionBp: 0 };

function order(quantity: number, row: PricingRow, extra: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  const items: PricingItem[] = [{ variantId: row.variantId, quantity, flashDealId: row.dealId }];
  return {
    userId: null,
    items,
    contact: {
      contactName: "买家",
      phone: "13900001111",
      province: "浙江省",
      city: "杭州市",
      district: "余杭区",
      street: "1 号",
    },
    paymentProvider: "local",
    ...extra,
  };
}

/** A reading holding what these orders are priced from (their one row each), with levels as given. */
function readingFor(orders: PlaceOrderInput[], row: PricingRow, left: Reading["left"] = new Map()): Reading {
  const reading: Reading = { at: 0, rows: new Map(), attribution: new Map(), claims: new Map(), left };
  for (const { items } of orders) {
    reading.rows.set(rowsKey(items), [{ ...row, ord: 0 }]);
    reading.attribution.set(attributionKey(items), [NO_HOST]);
  }
  return reading;
}

const given = (share: Share) => !("error" in share);
const refusal = (share: Share) => ("error" in share ? share.error : null);

describe("sharing stock out among orders that arrive together", () => {
  it("gives every order its holds when there is enough for all, and leaves the rest", () => {
    const row = pricingRow({ stock: 5 });
    const orders = [order(1, row), order(1, row), order(1, row)];
    const { shares, left, usedUp } = shareOut(readingFor(orders, row), orders, NOW);
    expect(shares.map(given)).toEqual([true, true, true]);
    expect(left.get("variant:v-tea")?.units).toBe(2);
    expect(usedUp).toEqual([]);
  });

  it("when there is not enough, the first to arrive get it and the rest hear sold out", () => {
    const row = pricingRow({ stock: 2 });
    const orders = [order(1, row), order(1, row), order(1, row), order(1, row)];
    const { shares, left, usedUp } = shareOut(readingFor(orders, row), orders, NOW);
    expect(shares.map(given)).toEqual([true, true, false, false]);
    for (const share of shares.slice(2)) {
      expect(refusal(share)).toBeInstanceOf(SoldOut);
      expect((refusal(share) as SoldOut).messageKey).toBe("checkout:error.soldOut");
    }
    expect(left.get("variant:v-tea")?.units).toBe(0);
    // Later buyers are told without a query: the used-up variant is reported once, with what they hear.
    expect(usedUp.map(({ kind, id }) => `${kind}:${id}`)).toEqual(["variant:v-tea"]);
    expect(usedUp[0].error.values).toEqual({ titleZh: "龙井茶", titleEn: "Longjing tea" });
  });

  it("with no stock at all, refuses everyone and reports the variant used up", () => {
    const row = pricingRow({ stock: 0 });
    const orders = [order(1, row), order(2, row)];
    const { shares, usedUp } = shareOut(readingFor(orders, row), orders, NOW);
    expect(shares.map(given)).toEqual([false, false]);
    expect((refusal(shares[0]) as SoldOut).messageKey).toBe("checkout:error.soldOut");
    expect(usedUp.map((u) => u.id)).toEqual(["v-tea"]);
  });

  it("takes each order whole or not at all: one too big takes nothing, and a smaller later one still fits", () => {
    const row = pricingRow({ stock: 5 });
    const orders = [order(3, row), order(3, row), order(2, row), order(1, row)];
    const { shares, left } = shareOut(readingFor(orders, row), orders, NOW);
    expect(shares.map(given)).toEqual([true, false, true, false]);
    expect(left.get("variant:v-tea")?.units).toBe(0);
  });

  it("shares from the levels the line already holds, not from the stock pricing read", () => {
    const row = pricingRow({ stock: 10 });
    const orders = [order(1, row), order(1, row)];
    const earlier = new Map([
      [
        "variant:v-tea",
        { units: 1, error: "checkout:error.soldOut", names: { titleZh: "龙井茶", titleEn: "Longjing tea" } },
      ],
    ]);
    const reading = readingFor(orders, row, earlier);
    const { shares, left } = shareOut(reading, orders, NOW);
    expect(shares.map(given)).toEqual([true, false]);
    expect(left.get("variant:v-tea")?.units).toBe(0);
    // Pure: the reading it was given is as it was; the same call gives the same shares.
    expect(reading.left.get("variant:v-tea")?.units).toBe(1);
    expect(shareOut(reading, orders, NOW).shares.map(given)).toEqual([true, false]);
  });

  it("a flash deal's cap runs out before the stock does: later buyers hear the deal sold out", () => {
    const row = withDeal(pricingRow({ stock: 10 }), { priceFen: 3900, cap: 5, sold: 3 });
    const orders = [order(1, row), order(1, row), order(1, row)];
    const { shares, left, usedUp } = shareOut(readingFor(orders, row), orders, NOW);
    expect(shares.map(given)).toEqual([true, true, false]);
    expect((refusal(shares[2]) as SoldOut).messageKey).toBe("checkout:error.dealSoldOut");
    expect(left.get("deal:d-flash")?.units).toBe(0);
    expect(left.get("variant:v-tea")?.units).toBe(8);
    expect(usedUp.map(({ kind, id }) => `${kind}:${id}`)).toEqual(["deal:d-flash"]);
    // Those given the deal pay its price.
    expect("priced" in shares[0] && shares[0].priced.lines[0].unitPriceFen).toBe(3900);
  });

  it("a pre-order batch that fills up refuses later buyers as full but is not remembered as sold out", () => {
    const row = pricingRow({
      preorder: true,
      batchId: "b-spring",
      batchNameZh: "春茶",
      batchNameEn: "Spring",
      batchReadyDate: NOW,
      batchRemaining: 1,
    });
    const orders = [order(1, row), order(1, row)];
    const { shares, usedUp } = shareOut(readingFor(orders, row), orders, NOW);
    expect(shares.map(given)).toEqual([true, false]);
    expect((refusal(shares[1]) as SoldOut).messageKey).toBe("checkout:error.batchFull");
    expect(usedUp).toEqual([]);
  });

  it("refuses an order priced differently from what its buyer was shown, and one of a bad shape, without taking stock", () => {
    const row = pricingRow({ stock: 1 });
    const shown = priceRows(order(1, row).items, [row], NOW).quote;
    const orders = [order(1, row, { quote: "stale-quote" }), order(0, row), order(1, row, { quote: shown })];
    const { shares, left } = shareOut(readingFor(orders, row), orders, NOW);
    expect(refusal(shares[0])).toBeInstanceOf(Conflict);
    expect((refusal(shares[0]) as Conflict).messageKey).toBe("checkout:error.priceChanged");
    expect(refusal(shares[1])).toBeInstanceOf(InvalidInput);
    expect(given(shares[2])).toBe(true);
    expect(left.get("variant:v-tea")?.units).toBe(0);
  });

  it("refuses what cannot be bought (a product taken down, a deal that ended) with its own reason", () => {
    const hidden = pricingRow({ productStatus: "draft" });
    const ended = { ...withDeal(pricingRow(), { priceFen: 3900, cap: 5, sold: 0 }), dealEndsAt: NOW };
    for (const [row, key] of [
      [hidden, "checkout:error.unavailable"],
      [ended, "checkout:error.dealEnded"],
    ] as const) {
      const orders = [order(1, row)];
      const [share] = shareOut(readingFor(orders, row), orders, NOW).shares;
      expect(refusal(share)).toBeInstanceOf(Conflict);
      expect((refusal(share) as Conflict).messageKey).toBe(key);
    }
  });

  it("gives each order its attribution as read", () => {
    const row = pricingRow();
    const orders = [order(1, row)];
    const reading = readingFor(orders, row);
    const host: Attribution = { showId: "s-live", pinId: "pin-1", hostId: "h-1", hostCommissionBp: 500 };
    reading.attribution.set(attributionKey(orders[0].items), [host]);
    const [share] = shareOut(reading, orders, NOW).shares;
    expect("attribution" in share && share.attribution).toEqual([host]);
  });
});
