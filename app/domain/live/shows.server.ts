// Shows: scheduling with a line-up from approved workshops, going live and ending, and who may run one.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { JOB, jobs } from "~/lib/jobs.server";
import { events } from "~/domain/events.server";
import { showRoom, type ShowStatusView } from "~/domain/live/live-state";
import { playbackProblem, type PlaybackKind } from "~/domain/live/playback";
import type { Viewer } from "../accounts/accounts.server";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.server";
import { closeDealsOfShow } from "./flash-deals.server";
import { lockShow } from "./show-lock.server";

export type ShowInput = {
  title: string;
  coverImage: string | null;
  scheduledAt: Date;
  playback: { kind: PlaybackKind; url: string } | null;
  recordingUrl?: string | null;
  productIds: string[];
};

/** Products a host may put in a line-up: active ones of approved workshops, grouped by workshop. */
export async function lineUpChoices() {
  return db.workshop.findMany({
    where: { status: "approved", products: { some: { status: "active" } } },
    orderBy: { nameZh: "asc" },
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      products: {
        where: { status: "active" },
        orderBy: { createdAt: "asc" },
        select: { id: true, titleZh: true, titleEn: true, images: true, variants: { select: { priceFen: true } } },
      },
    },
  });
}

async function checkLineUp(tx: Prisma.TransactionClient, productIds: string[]) {
  const unique = [...new Set(productIds)];
  if (unique.length === 0) throw new InvalidInput("live:form.error.lineUp");
  const allowed = await tx.product.findMany({
    where: { id: { in: unique }, status: "active", workshop: { status: "approved" } },
    select: { id: true, images: true },
  });
  if (allowed.length !== unique.length) throw new InvalidInput("live:form.error.lineUpProduct");
  const images = new Map(allowed.map((p) => [p.id, p.images[0] ?? null]));
  return { ids: unique, firstImage: images.get(unique[0]) ?? null };
}

function checkInput(input: ShowInput) {
  if (input.playback) {
    const problem = playbackProblem(input.playback.kind, input.playback.url);
    if (problem) throw new InvalidInput(problem);
  }
  if (input.recordingUrl && playbackProblem("embed", input.recordingUrl)) {
    throw new InvalidInput("live:form.error.playbackUrl");
  }
}

export async function createShow(hostId: string, input: ShowInput) {
  checkInput(input);
  return db.$transaction(async (tx) => {
    const host = await tx.host.findUnique({ where: { id: hostId }, select: { status: true } });
    if (host?.status !== "approved") throw new NotAllowed("live:error.hostNotApproved");
    const lineUp = await checkLineUp(tx, input.productIds);
    return tx.show.create({
      data: {
        hostId,
        title: input.title.trim(),
        coverImage: input.coverImage ?? lineUp.firstImage,
        scheduledAt: input.scheduledAt,
        playbackKind: input.playback?.kind ?? null,
        playbackUrl: input.playback?.url ?? null,
        items: { create: lineUp.ids.map((productId, position) => ({ productId, position })) },
      },
      select: { id: true },
    });
  });
}

/** Edits a show; a product already pinned stays in the line-up's history but may leave the line-up. */
export async function updateShow(showId: string, input: ShowInput) {
  checkInput(input);
  await db.$transaction(async (tx) => {
    const show = await tx.show.findUnique({ where: { id: showId }, select: { coverImage: true } });
    if (!show) throw new NotFound();
    const lineUp = await checkLineUp(tx, input.productIds);
    await tx.showItem.deleteMany({ where: { showId, productId: { notIn: lineUp.ids } } });
    for (const [position, productId] of lineUp.ids.entries()) {
      await tx.showItem.upsert({
        where: { showId_productId: { showId, productId } },
        create: { showId, productId, position },
        update: { position },
      });
    }
    await tx.show.update({
      where: { id: showId },
      data: {
        title: input.title.trim(),
        coverImage: input.coverImage ?? show.coverImage ?? lineUp.firstImage,
        scheduledAt: input.scheduledAt,
        playbackKind: input.playback?.kind ?? null,
        playbackUrl: input.playback?.url ?? null,
        recordingUrl: input.recordingUrl ?? null,
      },
    });
  });
}

/** The shows a viewer runs (an admin sees every show), newest schedule first within live, upcoming, ended. */
export async function showsForConsole(viewer: Viewer) {
  const where = viewer.isAdmin ? {} : { hostId: viewer.host?.id ?? "-" };
  const shows = await db.show.findMany({
    where,
    orderBy: { scheduledAt: "desc" },
    take: 100,
    select: {
      id: true,
      title: true,
      status: true,
      scheduledAt: true,
      coverImage: true,
      peakViewers: true,
      host: { select: { displayNameZh: true, displayNameEn: true } },
      _count: { select: { items: true } },
    },
  });
  const rank = { live: 0, scheduled: 1, ended: 2 } as const;
  return shows.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** The show with its host, for guards: null when there is none. */
export async function findShowForGuard(showId: string) {
  return db.show.findUnique({
    where: { id: showId },
    select: { id: true, status: true, hostId: true, host: { select: { userId: true } } },
  });
}

/** Only the show's own (approved) host, or an admin, may run it. */
export function assertCanRunShow(viewer: Viewer, show: { hostId: string }) {
  if (viewer.isAdmin) return;
  if (viewer.host?.status === "approved" && viewer.host.id === show.hostId) return;
  throw new NotAllowed();
}

function statusView(show: {
  status: ShowStatusView["status"];
  startedAt: Date | null;
  endedAt: Date | null;
  recordingUrl: string | null;
}): ShowStatusView {
  return {
    status: show.status,
    startedAt: show.startedAt?.toISOString() ?? null,
    endedAt: show.endedAt?.toISOString() ?? null,
    recordingUrl: show.recordingUrl,
  };
}

const statusSelect = { status: true, startedAt: true, endedAt: true, recordingUrl: true } as const;

export async function goLive(showId: string) {
  const show = await db.$transaction(async (tx) => {
    const locked = await lockShow(tx, showId);
    if (locked.status !== "scheduled") throw new Conflict("live:error.notScheduled");
    return tx.show.update({
      where: { id: showId },
      data: { status: "live", startedAt: new Date() },
      select: statusSelect,
    });
  });
  events.publish({ room: showRoom(showId), type: "status", payload: statusView(show) });
  // Followers and reminded shoppers are told by the notice job, not in the host's request.
  await jobs.send(JOB.notices, [{ data: { kind: "show-live", showId }, singletonKey: `show-live:${showId}` }]);
}

/** Ends a live show: the pin comes down and running deals stop with it, in one transaction. */
export async function endShow(showId: string) {
  const now = new Date();
  const { show, pin, dealIds } = await db.$transaction(async (tx) => {
    const locked = await lockShow(tx, showId);
    if (locked.status !== "live") throw new Conflict("live:error.notLive");
    const pin = await tx.pin.findFirst({ where: { showId, unpinnedAt: null }, select: { id: true } });
    if (pin) await tx.pin.update({ where: { id: pin.id }, data: { unpinnedAt: now } });
    const dealIds = await closeDealsOfShow(tx, showId, now);
    const show = await tx.show.update({
      where: { id: showId },
      data: { status: "ended", endedAt: now },
      select: statusSelect,
    });
    return { show, pin, dealIds };
  });
  const room = showRoom(showId);
  if (pin) events.publish({ room, type: "unpin", payload: { pinId: pin.id } });
  for (const id of dealIds) events.publish({ room, type: "deal:end", payload: { id, reason: "show_ended" } });
  events.publish({ room, type: "status", payload: statusView(show) });
}

/** A show's edit form values. */
export async function showForEdit(showId: string) {
  return db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      title: true,
      status: true,
      coverImage: true,
      scheduledAt: true,
      playbackKind: true,
      playbackUrl: true,
      recordingUrl: true,
      items: { orderBy: { position: "asc" }, select: { productId: true } },
    },
  });
}
