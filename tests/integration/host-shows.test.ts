import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import type { LiveState } from "~/domain/live/live-state";
import { Visitor } from "../helpers/http";
import { pngImage } from "../helpers/studio-forms";
import { joinShow } from "../helpers/live-socket";
import { startTestServer } from "../helpers/server";

let baseUrl: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function activeProductIds(count: number) {
  const products = await db.product.findMany({
    where: { status: "active", workshop: { status: "approved" } },
    take: count,
    orderBy: { slug: "asc" },
  });
  return products.map((p) => p.id);
}

function showForm(fields: Record<string, string>, productIds: string[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const id of productIds) form.append("productIds", id);
  return form;
}

describe("host shows", () => {
  it("an approved host schedules a show with a line-up from several workshops, then goes live", async () => {
    const host = await new Visitor(baseUrl).logIn("host.umbrella@cunbo.test");
    const productIds = await activeProductIds(3);
    const created = await host.post(
      "/host/shows/new",
      showForm(
        {
          title: "周五晚上的共富好物",
          scheduledAt: "2026-12-04T19:30",
          playbackKind: "hls",
          playbackUrl: "https://cdn.example.com/live/a.m3u8",
        },
        productIds,
      ),
    );
    expect(created.status).toBe(302);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/host\/shows\/\w+$/);
    const showId = location.split("/").pop()!;
    const show = await db.show.findUniqueOrThrow({
      where: { id: showId },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(show.scheduledAt.toISOString()).toBe("2026-12-04T11:30:00.000Z");
    expect(show.playbackKind).toBe("hls");
    expect(show.items.map((i) => i.productId)).toEqual(productIds);
    expect(show.coverImage).toBeTruthy();

    const console = await (await host.get(location)).text();
    expect(console).toContain("周五晚上的共富好物");
    expect(console).toContain("开始直播");

    const viewer = await joinShow(baseUrl, showId);
    expect(viewer.state.status).toBe("scheduled");
    const status = viewer.next<LiveState>("status");
    expect((await host.post(location, { intent: "go-live" })).status).toBe(200);
    expect(await status).toMatchObject({ status: "live" });
    expect((await host.post(location, { intent: "go-live" })).status).toBe(409);
  });

  it("says what is wrong with a show form, beside the field", async () => {
    const host = await new Visitor(baseUrl).logIn("host.umbrella@cunbo.test");
    const response = await host.post(
      "/host/shows/new",
      showForm(
        { title: "x", scheduledAt: "soon", playbackKind: "hls", playbackUrl: "https://cdn.example.com/live.mp4" },
        [],
      ),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("标题 2–60 字");
    expect(html).toContain("请选择开播时间");
    expect(html).toContain("HLS 地址要以 .m3u8 结尾");
    expect(html).toContain("至少选一件商品");
  });

  it("stores a cover that is a real picture where /uploads serves it, and refuses one that is not", async () => {
    const host = await new Visitor(baseUrl).logIn("host.umbrella@cunbo.test");
    const productIds = await activeProductIds(1);
    const fields = { title: "封面测试专场", scheduledAt: "2026-12-04T19:30" };
    const notAPicture = showForm(fields, productIds);
    notAPicture.set("cover", new Blob(["just some text"], { type: "image/png" }), "cover.png");
    const refused = await host.post("/host/shows/new", notAPicture);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("封面须是 3 MB 以内的 JPG、PNG 或 WebP 图片");

    const png = pngImage();
    const withCover = showForm(fields, productIds);
    withCover.set("cover", new Blob([new Uint8Array(png)], { type: "image/png" }), "封面.png");
    const created = await host.post("/host/shows/new", withCover);
    expect(created.status).toBe(302);
    const show = await db.show.findUniqueOrThrow({ where: { id: created.headers.get("location")!.split("/").pop() } });
    expect(show.coverImage).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/);
    const served = await host.get(show.coverImage!);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("keeps products of unapproved workshops and archived products out of a line-up", async () => {
    const host = await new Visitor(baseUrl).logIn("host.umbrella@cunbo.test");
    const [productId] = await activeProductIds(1);
    await db.product.update({ where: { id: productId }, data: { status: "archived" } });
    const response = await host.post(
      "/host/shows/new",
      showForm({ title: "下架商品测试", scheduledAt: "2026-12-04T19:30" }, [productId]),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("有商品已下架");
    await db.product.update({ where: { id: productId }, data: { status: "active" } });
  });

  it("lets only approved hosts schedule, and only a show's own host open its console", async () => {
    const pending = await new Visitor(baseUrl).logIn("host.pending@cunbo.test");
    expect((await pending.get("/host/shows/new")).status).toBe(403);
    const shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    expect((await shopper.get("/host")).status).toBe(403);

    const teaShow = await db.show.findFirstOrThrow({ where: { host: { user: { email: "host.tea@cunbo.test" } } } });
    const umbrella = await new Visitor(baseUrl).logIn("host.umbrella@cunbo.test");
    expect((await umbrella.get(`/host/shows/${teaShow.id}`)).status).toBe(403);
    expect((await umbrella.get(`/host/shows/${teaShow.id}/edit`)).status).toBe(403);
    expect((await umbrella.get("/host/shows/nope")).status).toBe(404);
    const list = await (await umbrella.get("/host")).text();
    expect(list).toContain("南阳伞共富价专场");
    expect(list).not.toContain("茶婆婆径山现场炒茶");
  });

  it("sets a recording on an ended show, whose replay lists its pins as moments", async () => {
    const host = await new Visitor(baseUrl).logIn("host.umbrella@cunbo.test");
    const ended = await db.show.findFirstOrThrow({
      where: { status: "ended", host: { user: { email: "host.umbrella@cunbo.test" } } },
      include: { items: { orderBy: { position: "asc" } } },
    });
    const response = await host.post(
      `/host/shows/${ended.id}/edit`,
      showForm(
        {
          title: ended.title,
          scheduledAt: "2026-11-25T19:00",
          playbackKind: "none",
          recordingUrl: "https://cdn.example.com/replays/6.m3u8",
        },
        ended.items.map((i) => i.productId),
      ),
    );
    expect(response.status).toBe(302);
    const viewer = await joinShow(baseUrl, ended.id);
    expect(viewer.state.status).toBe("ended");
    expect(viewer.state.recordingUrl).toBe("https://cdn.example.com/replays/6.m3u8");
    const page = await (await new Visitor(baseUrl).get(`/live/${ended.id}`)).text();
    expect(page).toContain("精彩时刻");
    expect(page).toContain("红羽");
  });
});
