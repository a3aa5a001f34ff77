// Small edits and checks of SDP text that werift does not do itself.

const LINE_BREAK = /\r?\n/;

/** Whether `sdp` looks like an SDP offer worth handing to the relay: a version line and at least one audio or video section. */
export function looksLikeOffer(sdp: string): boolean {
  // SDP is text: a control character (NUL above all) is no offer, and would cut Janus's copy of it short.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(sdp)) return false;
  const lines = sdp.split(LINE_BREAK);
  return lines[0]?.trim() === "v=0" && lines.some((line) => /^m=(audio|video) /.test(line));
}

const HINTLESS = new Set(["rtx", "red", "ulpfec", "flexfec-03"]);

/**
 * Adds Chromium's x-google bitrate parameters to every video codec of `sdp` (an answer to a publisher). werift
 * sends no bandwidth estimate, so without them Chromium's encoder stays near 300 kbps.
 */
export function withBitrateHints(sdp: string, kbps: { start: number; min: number; max: number }): string {
  const hints = `x-google-start-bitrate=${kbps.start};x-google-min-bitrate=${kbps.min};x-google-max-bitrate=${kbps.max}`;
  const lines = sdp.split(LINE_BREAK);
  if (lines.at(-1) === "") lines.pop();
  const out: string[] = [];
  let section = "";
  const hinted = new Set<string>();
  const pending: { payloadType: string; index: number }[] = [];
  const flush = () => {
    for (const { payloadType, index } of pending.reverse()) {
      if (!hinted.has(payloadType)) out.splice(index + 1, 0, `a=fmtp:${payloadType} ${hints}`);
    }
    pending.length = 0;
    hinted.clear();
  };
  for (const line of lines) {
    if (line.startsWith("m=")) {
      flush();
      section = line.slice(2).split(" ")[0];
    }
    const rtpmap = section === "video" && /^a=rtpmap:(\d+) ([^/]+)/.exec(line);
    const fmtp = section === "video" && /^a=fmtp:(\d+) /.exec(line);
    if (rtpmap) {
      if (!HINTLESS.has(rtpmap[2].toLowerCase())) pending.push({ payloadType: rtpmap[1], index: out.length });
      else hinted.add(rtpmap[1]);
      out.push(line);
    } else if (fmtp && pending.some((p) => p.payloadType === fmtp[1]) && !hinted.has(fmtp[1])) {
      hinted.add(fmtp[1]);
      out.push(`${line};${hints}`);
    } else out.push(line);
  }
  flush();
  return `${out.join("\r\n")}\r\n`;
}
