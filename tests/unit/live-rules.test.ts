import { describe, expect, it } from "vitest";
import { cleanChatText } from "~/domain/live/chat.server";
import { playbackProblem } from "~/domain/live/playback";
import { formatDuration, parseShanghaiLocal, toShanghaiLocal } from "~/lib/shanghai-time";
import { TokenBuckets } from "~/lib/token-bucket";

describe("live-room rules", () => {
  it("a token bucket allows a burst, then one action per refill interval", () => {
    const buckets = new TokenBuckets(3, 1000);
    const at = 1_000_000;
    expect([1, 2, 3, 4].map(() => buckets.take("u", at))).toEqual([true, true, true, false]);
    expect(buckets.take("u", at + 999)).toBe(false);
    expect(buckets.take("u", at + 2000)).toBe(true);
    expect(buckets.take("other", at)).toBe(true);
  });

  it("chat text is plain: invisible and control characters go, whitespace collapses, markup stays literal", () => {
    expect(cleanChatText("  好\u200b茶\n\n<b>x</b>\u202e ")).toBe("好 茶 <b>x</b>");
    expect(cleanChatText(42)).toBe("");
  });

  it("accepts HLS playlists and player URLs over http(s) only", () => {
    expect(playbackProblem("hls", "https://cdn.example.com/live/a.m3u8?token=1")).toBeNull();
    expect(playbackProblem("hls", "https://cdn.example.com/live/a.mp4")).toBe("live:form.error.hlsUrl");
    expect(playbackProblem("embed", "javascript:alert(1)")).toBe("live:form.error.playbackUrl");
    expect(playbackProblem("embed", "https://player.example.com/v/1")).toBeNull();
  });

  it("reads and writes datetime-local values as Shanghai time", () => {
    expect(parseShanghaiLocal("2026-12-04T19:30")?.toISOString()).toBe("2026-12-04T11:30:00.000Z");
    expect(parseShanghaiLocal("tomorrow")).toBeNull();
    expect(toShanghaiLocal(new Date("2026-12-04T16:30:00Z"))).toBe("2026-12-05T00:30");
    expect(formatDuration(65)).toBe("1:05");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
});
