-- CreateEnum
CREATE TYPE "RecordingStatus" AS ENUM ('recording', 'ready', 'failed');

-- AlterTable
ALTER TABLE "Pin" ADD COLUMN     "recordingId" TEXT,
ADD COLUMN     "recordingOffsetMs" INTEGER;

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "codec" TEXT NOT NULL,
    "status" "RecordingStatus" NOT NULL DEFAULT 'recording',
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "bytes" BIGINT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Recording_showId_startedAt_idx" ON "Recording"("showId", "startedAt");

-- AddForeignKey
ALTER TABLE "Pin" ADD CONSTRAINT "Pin_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One recording in progress per show; figures that cannot be negative; a pin cannot come before its recording.
CREATE UNIQUE INDEX "Recording_one_running_per_show" ON "Recording"("showId") WHERE "status" = 'recording';
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_duration_nonnegative" CHECK ("durationMs" IS NULL OR "durationMs" >= 0);
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_bytes_nonnegative" CHECK ("bytes" IS NULL OR "bytes" >= 0);
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_file_relative" CHECK ("file" !~ '(^/|\.\.)');
ALTER TABLE "Pin" ADD CONSTRAINT "Pin_recording_offset_nonnegative" CHECK ("recordingOffsetMs" IS NULL OR "recordingOffsetMs" >= 0);
