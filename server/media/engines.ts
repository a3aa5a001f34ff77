// The media engine configuration picks (MEDIA_ENGINE), with what it needs from the environment.
import type { ServerApi } from "../app-build.ts";
import { embeddedEngine } from "./embedded-engine.ts";
import { janusEngine } from "./janus-engine.ts";
import type { MediaEngine } from "./media-engine.ts";

// Chromium's encoder starts at 1.2 Mbps (640×360 at 30 fps) with these; without them it stays near 300 kbps.
const BITRATE_HINTS = { startKbps: 1200, minKbps: 600, maxKbps: 2500 };

export function createMediaEngine(settings: ReturnType<ServerApi["env"]>): MediaEngine {
  switch (settings.MEDIA_ENGINE) {
    case "embedded":
      return embeddedEngine({ iceAddress: settings.MEDIA_ICE_ADDRESS, ...BITRATE_HINTS });
    case "janus":
      // Janus sends REMB, so browsers ramp up by themselves up to this cap; a keyframe every 2 s for late joiners.
      return janusEngine({
        url: settings.JANUS_URL,
        iceEnforceList: settings.MEDIA_ICE_ADDRESS,
        maxBitrate: BITRATE_HINTS.maxKbps * 1000,
        keyframeSeconds: 2,
      });
  }
}
