import { describe, expect, it } from "vitest";
import { looksLikeOffer, withBitrateHints } from "../../server/media/sdp-hints.ts";

const answer = [
  "v=0",
  "o=- 1 1 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111",
  "a=rtpmap:111 opus/48000/2",
  "a=fmtp:111 minptime=10;useinbandfec=1",
  "m=video 9 UDP/TLS/RTP/SAVPF 102 103 96",
  "a=rtpmap:102 H264/90000",
  "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
  "a=rtpmap:103 rtx/90000",
  "a=fmtp:103 apt=102",
  "a=rtpmap:96 VP8/90000",
  "a=rtcp-fb:96 nack",
  "",
].join("\r\n");

const hints = "x-google-start-bitrate=1200;x-google-min-bitrate=600;x-google-max-bitrate=2500";

describe("bitrate hints in a publisher's answer", () => {
  const hinted = withBitrateHints(answer, { start: 1200, min: 600, max: 2500 }).split("\r\n");

  it("extend each video codec's fmtp, and give one to a codec that had none", () => {
    expect(hinted).toContain(
      `a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f;${hints}`,
    );
    expect(hinted[hinted.indexOf("a=rtpmap:96 VP8/90000") + 1]).toBe(`a=fmtp:96 ${hints}`);
  });

  it("leave audio and retransmission codecs alone", () => {
    expect(hinted).toContain("a=fmtp:111 minptime=10;useinbandfec=1");
    expect(hinted).toContain("a=fmtp:103 apt=102");
    expect(hinted.filter((line) => line.includes("x-google"))).toHaveLength(2);
  });
});

describe("what counts as an offer", () => {
  it("needs a version line and an audio or video section", () => {
    expect(looksLikeOffer(answer)).toBe(true);
    expect(looksLikeOffer("hello")).toBe(false);
    expect(looksLikeOffer("v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n")).toBe(false);
    // A NUL cuts Janus's copy short (it never answered such an offer): control characters are no SDP.
    expect(looksLikeOffer("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=\u0000\r\n")).toBe(false);
  });
});
