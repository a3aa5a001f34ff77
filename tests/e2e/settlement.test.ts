// Money out, end to end in Chromium: Nanyang's umbrellas are delivered, the after-sales window passes on the job
// queue's injected clock and the daily settlement job settles them, one admin prepares a payout run, a second
// admin approves it and records the bank's references, the workshop opens its statement and downloads the PDF,
// a worker opens their payslip link, and the public impact page shows the premium paid to the workers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { JOB } from "~/lib/jobs.server";
import { startJobs, type RunningJobs } from "../../server/jobs";
import { launchBrowser, logIn, newContext } from "../helpers/browser";
import { createPaidOrder } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

const DAY = 24 * 3_600_000;
let baseUrl: string;
let jobs: RunningJobs;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  const clock = Date.now() + 8 * DAY;
  jobs = await startJobs(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5, now: () => new Date(clock) });
});
afterAll(() => jobs?.stop());

async function until(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("from the ledger to the workers", () => {
  it("settles delivered orders, pays them with two admins, and shows the statement, payslip and impact", async () => {
    const orders = await Promise.all(
      [0, 1].map(() =>
        createPaidOrder({ workshopSlug: "nanyang-umbrella", status: "delivered", lines: [{ quantity: 3 }] }),
      ),
    );
    for (const o of orders)
      await db.fulfilmentEvent.create({
        data: { fulfilmentOrderId: o.fulfilmentOrderId, fromStatus: "shipped", toStatus: "delivered" },
      });

    // The daily job, on a clock eight days ahead: the seven-day window has passed.
    await jobs.boss.send(JOB.settlementRun, {});
    await until(async () => (await db.statement.count()) > 0);

    const browser = await launchBrowser();
    try {
      const adminA = await logIn(await newContext(browser, baseUrl), "admin@cunbo.test", "cunbo2026");
      await adminA.goto("/admin/payouts");
      await adminA.getByRole("button", { name: "准备打款批次" }).click();
      await adminA.getByText("打款批次已准备好，等待另一位管理员审批。").waitFor();
      await adminA.getByText("这是你准备的批次，需要另一位管理员审批。").waitFor();
      expect(await adminA.getByRole("button", { name: "审批并打款" }).count()).toBe(0);

      const adminB = await logIn(await newContext(browser, baseUrl), "treasurer@cunbo.test", "cunbo2026");
      await adminB.goto("/admin/payouts");
      await adminB.getByRole("button", { name: "审批并打款" }).click();
      await adminB.getByText("已审批，开始打款。").waitFor();
      const run = await db.payoutRun.findFirstOrThrow({ include: { payouts: true } });
      expect(run.approvedBy).not.toBe(run.preparedBy);
      await until(
        async () => (await db.payout.count({ where: { runId: run.id, status: "sending" } })) === run.payouts.length,
      );
      for (const [i, payout] of run.payouts.entries()) {
        await adminB.locator(`#ref-${payout.id}`).fill(`ICBC-2026-${1000 + i}`);
        await adminB
          .locator("form", { has: adminB.locator(`#ref-${payout.id}`) })
          .getByRole("button", { name: "标记已打款" })
          .click();
        // A paid payout has no form left: the page after this post is loaded.
        await adminB.locator(`#ref-${payout.id}`).waitFor({ state: "detached" });
      }
      await adminB.getByText("已记录银行流水号。").waitFor();
      await adminB.getByText("已完成").first().waitFor();
      await adminB.getByText("审批打款批次 · 村播财务").waitFor();

      const staff = await logIn(await newContext(browser, baseUrl), "staff.umbrella@cunbo.test", "cunbo2026");
      await staff.goto("/studio/nanyang-umbrella/statements");
      await staff.locator('a[href*="?id="]').filter({ hasText: /^工坊/ }).first().click();
      await staff.getByRole("heading", { name: /^对账单 ·/ }).waitFor();
      await staff.getByText(orders[0].number).first().waitFor();
      const [download] = await Promise.all([
        staff.waitForEvent("download"),
        staff.getByRole("link", { name: "下载 PDF" }).click(),
      ]);
      const pdf = await download.createReadStream().then(async (stream) => {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

      const share = await db.workerShare.findFirstOrThrow({ include: { payout: true } });
      const phone = await (await newContext(browser, baseUrl)).newPage();
      await phone.goto(`/payslip/${share.accessToken}`);
      await phone.getByText("我的共富价收入").waitFor();
      await phone.getByText(/已到账/).waitFor();

      await phone.goto("/workshops/nanyang-umbrella/impact");
      const paid = await db.payout.aggregate({
        where: { payeeKind: "worker", status: "paid" },
        _sum: { amountFen: true },
      });
      const tile = phone.locator("div", { has: phone.getByText("累计付给工人", { exact: true }) }).last();
      const expected = `¥${Math.floor(paid._sum.amountFen! / 100).toLocaleString("zh-CN")}.${String(paid._sum.amountFen! % 100).padStart(2, "0")}`;
      await tile.getByText(expected).waitFor();
      expect(
        Number(
          await phone
            .locator("div", { has: phone.getByText("本月领到共富价的工人", { exact: true }) })
            .last()
            .locator("dd")
            .first()
            .textContent(),
        ),
      ).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
