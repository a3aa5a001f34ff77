// A show's broadcast recordings: one per publishing session, opened when the relay's copy of the RTP starts and
// finished when it ends; the replay plays them, and pins are stamped against the one being recorded.
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { showRoom } from "~/domain/live/live-state";
import { recordingHref } from "./recording-paths";

/** Tells the show's room that its broadcast started or stopped, so waiting players offer at once. */
export function announceBroadcast(showId: string, live: boolean) {
  events.publish({ room: showRoom(showId), type: "broadcast", payload: { live } });
}

/**
 * Opens a recording of `showId`'s broadcast starting at `startedAt` (its first frame's wall-clock time); null when
 * the show is not live. One left open by a crash is marked failed first: only one may be open per show.
 */
export async function openRecording(
  showId: string,
  take: { file: string; codec: string; startedAt: Date },
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const show = await tx.show.findUnique({ where: { id: showId }, select: { status: true } });
    if (show?.status !== "live") return null;
    await tx.recording.updateMany({
      where: { showId, status: "recording" },
      data: { status: "failed", endedAt: take.startedAt },
    });
    const recording = await tx.recording.create({ data: { showId, ...take }, select: { id: true } });
    return recording.id;
  });
}

/**
 * Closes a recording: ready with its length and size, or failed (nothing playable was written). `firstFrameAt`,
 * when the recorder learnt it, is when the file's first frame arrived: the recording's clock is moved there, and
 * the pins stamped against the provisional start move with it, so each still points at its moment in the file.
 */
export async function closeRecording(
  recordingId: string,
  outcome: { endedAt: Date; durationMs: number; bytes: number; firstFrameAt?: Date } | { endedAt: Date; failed: true },
) {
  const ready = !("failed" in outcome);
  const recording = await db.$transaction(async (tx) => {
    const open = await tx.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { startedAt: true } });
    const firstFrameAt = ready ? outcome.firstFrameAt : undefined;
    const shiftMs = firstFrameAt ? Math.round(firstFrameAt.getTime() - open.startedAt.getTime()) : 0;
    if (shiftMs !== 0) {
      await tx.$executeRaw`
        UPDATE "Pin" SET "recordingOffsetMs" = GREATEST(0, "recordingOffsetMs" - ${shiftMs}::int)
        WHERE "recordingId" = ${recordingId}`;
    }
    return tx.recording.update({
      where: { id: recordingId },
      data: ready
        ? {
            status: "ready",
            endedAt: outcome.endedAt,
            durationMs: Math.max(0, Math.round(outcome.durationMs)),
            bytes: outcome.bytes,
            ...(firstFrameAt ? { startedAt: firstFrameAt } : {}),
          }
        : { status: "failed", endedAt: outcome.endedAt },
      select: {
        showId: true,
        file: true,
        show: { select: { status: true, startedAt: true, endedAt: true, recordingUrl: true } },
      },
    });
  });
  // An ended show's replay waits for this: its viewers load the recording as soon as it is ready.
  if (ready && recording.show.status === "ended") {
    const url = recording.show.recordingUrl ?? (await firstRecordingUrl(recording.showId));
    events.publish({
      room: showRoom(recording.showId),
      type: "status",
      payload: {
        status: "ended",
        startedAt: recording.show.startedAt?.toISOString() ?? null,
        endedAt: recording.show.endedAt?.toISOString() ?? null,
        recordingUrl: url,
      },
    });
  }
}

export type ReplayRecording = { id: string; url: string; startedAt: Date; durationMs: number };

/** The show's playable recordings, in broadcast order. */
export async function replayRecordings(showId: string): Promise<ReplayRecording[]> {
  const rows = await db.recording.findMany({
    where: { showId, status: "ready" },
    orderBy: { startedAt: "asc" },
    select: { id: true, file: true, startedAt: true, durationMs: true },
  });
  return rows.map((row) => ({
    id: row.id,
    url: recordingHref(row.file),
    startedAt: row.startedAt,
    durationMs: row.durationMs ?? 0,
  }));
}

/** The first playable recording's URL: the replay's video when the host gave no other. */
export async function firstRecordingUrl(showId: string): Promise<string | null> {
  const first = await db.recording.findFirst({
    where: { showId, status: "ready" },
    orderBy: { startedAt: "asc" },
    select: { file: true },
  });
  return first ? recordingHref(first.file) : null;
}

export type StudioReplay = {
  showId: string;
  title: string;
  endedAt: Date | null;
  hostNameZh: string;
  hostNameEn: string;
  durationMs: number;
};

/** Ended shows with a replay in which `workshopId`'s goods sold, newest first. */
export async function replaysThatSold(workshopId: string, take = 12): Promise<StudioReplay[]> {
  const shows = await db.show.findMany({
    where: {
      status: "ended",
      recordings: { some: { status: "ready" } },
      orderLines: { some: { workshopId, order: { status: { in: ["paid", "fulfilled"] } } } },
    },
    orderBy: { endedAt: "desc" },
    take,
    select: {
      id: true,
      title: true,
      endedAt: true,
      host: { select: { displayNameZh: true, displayNameEn: true } },
      recordings: { where: { status: "ready" }, select: { durationMs: true } },
    },
  });
  return shows.map((show) => ({
    showId: show.id,
    title: show.title,
    endedAt: show.endedAt,
    hostNameZh: show.host.displayNameZh,
    hostNameEn: show.host.displayNameEn,
    durationMs: show.recordings.reduce((sum, r) => sum + (r.durationMs ?? 0), 0),
  }));
}
