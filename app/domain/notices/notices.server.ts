// The notice inbox: who is told what when a show goes live or a parcel ships (written once per person and subject,
// by the notice job, never in the request that caused it), what a shopper reads, and marking it read.
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n";
import { translator } from "~/lib/locale.server";
import type { Vapid } from "~/lib/vapid.server";
import { courierName } from "../fulfilment/couriers";
import { deliverPushes, type PushMessage } from "./push.server";

export const NOTICE_PAGE_SIZE = 50;

type Created = { id: string; userId: string; kind: "host_live" | "show_starting" | "order_shipped" };

/**
 * A show went live: everyone who asked to be reminded of it gets "your show is starting", and the host's other
 * followers get "your host is live". Running it again tells no one twice (the unique (user, kind, subject)).
 */
export async function noticeShowLive(showId: string): Promise<Created[]> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true, hostId: true } });
  if (!show || show.status !== "live") return [];
  const reminded = await db.$queryRaw<Created[]>`
    INSERT INTO "Notice" (id, "userId", kind, "subjectId", "showId")
    SELECT gen_random_uuid()::text, r."userId", 'show_starting', ${showId}, ${showId}
    FROM "Reminder" r WHERE r."showId" = ${showId}
    ON CONFLICT ("userId", kind, "subjectId") DO NOTHING
    RETURNING id, "userId", kind::text AS kind`;
  const followers = await db.$queryRaw<Created[]>`
    INSERT INTO "Notice" (id, "userId", kind, "subjectId", "showId")
    SELECT gen_random_uuid()::text, f."userId", 'host_live', ${showId}, ${showId}
    FROM "Follow" f
    WHERE f."hostId" = ${show.hostId}
      AND NOT EXISTS (SELECT 1 FROM "Reminder" r WHERE r."showId" = ${showId} AND r."userId" = f."userId")
    ON CONFLICT ("userId", kind, "subjectId") DO NOTHING
    RETURNING id, "userId", kind::text AS kind`;
  return [...reminded, ...followers];
}

/** Parcels shipped: each one's buyer (a signed-in one; a guest has no inbox) is told, once per parcel. */
export async function noticeParcelsShipped(fulfilmentOrderIds: string[]): Promise<Created[]> {
  if (fulfilmentOrderIds.length === 0) return [];
  return db.$queryRaw<Created[]>`
    INSERT INTO "Notice" (id, "userId", kind, "subjectId", "fulfilmentOrderId")
    SELECT gen_random_uuid()::text, o."userId", 'order_shipped', f.id, f.id
    FROM "FulfilmentOrder" f JOIN "Order" o ON o.id = f."orderId"
    WHERE f.id = ANY(${fulfilmentOrderIds}) AND f.status = 'shipped' AND o."userId" IS NOT NULL
    ON CONFLICT ("userId", kind, "subjectId") DO NOTHING
    RETURNING id, "userId", kind::text AS kind`;
}

const noticeSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  show: {
    select: {
      id: true,
      title: true,
      host: { select: { displayNameZh: true, displayNameEn: true } },
    },
  },
  fulfilmentOrder: {
    select: {
      courier: true,
      trackingNumber: true,
      workshop: { select: { nameZh: true, nameEn: true } },
      order: { select: { id: true, number: true } },
    },
  },
} as const;

export type NoticeView = {
  id: string;
  kind: Created["kind"];
  createdAt: string;
  read: boolean;
  href: string;
  /** Written by people: a show's title and host, or a parcel's workshop, courier and number. */
  show: { title: string; hostZh: string; hostEn: string } | null;
  parcel: { orderNumber: string; workshopZh: string; workshopEn: string; courier: string; tracking: string } | null;
};

type NoticeRow = Awaited<ReturnType<typeof readNotices>>[number];

function readNotices(where: { id: { in: string[] } } | { userId: string }, take?: number) {
  return db.notice.findMany({ where, orderBy: { createdAt: "desc" }, take, select: noticeSelect });
}

function view(row: NoticeRow): NoticeView {
  const parcel = row.fulfilmentOrder;
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
    href: row.show ? `/live/${row.show.id}` : `/orders/${parcel?.order.id ?? ""}`,
    show: row.show && {
      title: row.show.title,
      hostZh: row.show.host.displayNameZh,
      hostEn: row.show.host.displayNameEn,
    },
    parcel: parcel && {
      orderNumber: parcel.order.number,
      workshopZh: parcel.workshop.nameZh,
      workshopEn: parcel.workshop.nameEn,
      courier: parcel.courier ?? "",
      tracking: parcel.trackingNumber ?? "",
    },
  };
}

export async function listNotices(userId: string): Promise<NoticeView[]> {
  return (await readNotices({ userId }, NOTICE_PAGE_SIZE)).map(view);
}

/** Marks one of the shopper's notices read (someone else's id changes nothing), or all of them. */
export async function markNoticesRead(userId: string, noticeId: string | "all") {
  await db.notice.updateMany({
    where: { userId, readAt: null, ...(noticeId === "all" ? {} : { id: noticeId }) },
    data: { readAt: new Date() },
  });
}

/** A notice's words in one language: the same sentences the inbox shows. */
export function noticeText(notice: NoticeView, locale: Locale): { title: string; body: string } {
  const t = translator(locale);
  const en = locale === "en";
  if (notice.show) {
    const values = { host: en ? notice.show.hostEn : notice.show.hostZh, title: notice.show.title };
    return {
      title: t(`notices:kind.${notice.kind}.title`, values),
      body: t(`notices:kind.${notice.kind}.body`, values),
    };
  }
  const parcel = notice.parcel!;
  const values = {
    number: parcel.orderNumber,
    workshop: en ? parcel.workshopEn : parcel.workshopZh,
    courier: courierName(parcel.courier, locale),
    tracking: parcel.tracking,
  };
  return { title: t("notices:kind.order_shipped.title", values), body: t("notices:kind.order_shipped.body", values) };
}

/** The notice job: write the notices for what happened, then push each new one to its shopper's browsers. */
export async function workNoticeJob(
  job: { kind: "show-live"; showId: string } | { kind: "parcels-shipped"; fulfilmentOrderIds: string[] },
  keys: Vapid,
) {
  const created =
    job.kind === "show-live" ? await noticeShowLive(job.showId) : await noticeParcelsShipped(job.fulfilmentOrderIds);
  if (created.length === 0) return { created: 0, sent: 0, gone: 0, failed: 0 };
  const views = new Map(
    (await readNotices({ id: { in: created.map((c) => c.id) } })).map((row) => [row.id, view(row)]),
  );
  const messages = created.flatMap((notice) => {
    const shown = views.get(notice.id);
    if (!shown) return [];
    return [
      {
        userId: notice.userId,
        message: (locale: Locale): PushMessage => ({ ...noticeText(shown, locale), url: shown.href, tag: shown.id }),
      },
    ];
  });
  return { created: created.length, ...(await deliverPushes(messages, keys)) };
}
