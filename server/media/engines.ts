// The media engine configuration picks (MEDIA_ENGINE), with what it needs from the environment.
import type { ServerApi } from "../app-build.ts";
import { embeddedEngine } from "./embedded-engine.ts";
import type { MediaEngine } from "./media-engine.ts";

// Chromium's encoder starts at 1.2 Mbps (640×360 at 30 fps) with these; without them it stays near 300 kbps.
const BITRATE_HINTS = { startKbps: 1200, minKbps: 600, maxKbps: 2500 };

export function createMediaEngine(settings: ReturnType<ServerApi["env"]>): MediaEngine {
  switch (settings.MEDIA_ENGINE) {
    case "embedded":
      return embeddedEngine({ iceAddress: settings.MEDIA_ICE_ADDRESS, ...BITRATE_HINTS });
  }
}
