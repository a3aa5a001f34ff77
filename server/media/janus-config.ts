// A private Janus instance's configuration: only the VideoRoom and Streaming plugins, only the WebSocket
// transport (on one loopback port), no event handlers or loggers, a bounded RTP port range, and ICE limited to
// the given interfaces with mDNS candidates ignored (see STACK-NOTES, "Live video").
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

const LIB = "/usr/lib/x86_64-linux-gnu/janus";
const OTHER_PLUGINS = [
  "audiobridge",
  "duktape",
  "echotest",
  "lua",
  "nosip",
  "recordplay",
  "sip",
  "textroom",
  "videocall",
  "voicemail",
];
const OTHER_TRANSPORTS = ["http", "mqtt", "nanomsg", "pfunix", "rabbitmq"];
const EVENT_HANDLERS = ["gelfevh", "mqttevh", "nanomsgevh", "rabbitmqevh", "sampleevh", "wsevh"];

export type JanusConfig = {
  /** WebSocket API port on 127.0.0.1. */
  wsPort: number;
  /** UDP ports for media, e.g. "20000-40000". */
  rtpPortRange: string;
  /** Interfaces (names or addresses) ICE may gather on, e.g. "lo"; every interface when unset. */
  iceEnforceList?: string;
  /** Janus's own log level, 0–7 (4 is its default; 2 keeps a test's output quiet). */
  debugLevel?: number;
};

const list = (names: string[]) => names.map((name) => `libjanus_${name}.so`).join(",");

/** Writes janus.jcfg and the plugin/transport files into `dir`; start Janus with `janus -F dir -C dir/janus.jcfg`. */
export async function writeJanusConfig(dir: string, config: JanusConfig): Promise<string> {
  await mkdir(dir, { recursive: true });
  const main = `general: {
  configs_folder = "${dir}"
  plugins_folder = "${LIB}/plugins"
  transports_folder = "${LIB}/transports"
  events_folder = "${LIB}/events"
  loggers_folder = "${LIB}/loggers"
  debug_level = ${config.debugLevel ?? 2}
  server_name = "cunbo-media"
  session_timeout = 120
  protected_folders = ["/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys", "/usr", "/var"]
}
media: {
  rtp_port_range = "${config.rtpPortRange}"
}
nat: {
  nice_debug = false
  ignore_mdns = true
  full_trickle = false
  ice_ignore_list = "vmnet"${config.iceEnforceList ? `\n  ice_enforce_list = "${config.iceEnforceList}"` : ""}
}
plugins: {
  disable = "${list(OTHER_PLUGINS)}"
}
transports: {
  disable = "${list(OTHER_TRANSPORTS)}"
}
loggers: {
  disable = "libjanus_jsonlog.so"
}
events: {
  broadcast = false
  disable = "${list(EVENT_HANDLERS)}"
}
`;
  const websockets = `general: {
  json = "plain"
  ws = true
  ws_port = ${config.wsPort}
  ws_interface = "lo"
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`;
  // Rooms are named after shows ("show:<id>"), so ids are strings; rooms are created over the API, none here.
  const videoroom = `general: {
  string_ids = true
}
`;
  const streaming = `general: {
  string_ids = true
}
`;
  const file = path.join(dir, "janus.jcfg");
  await Promise.all([
    writeFile(file, main),
    writeFile(path.join(dir, "janus.transport.websockets.jcfg"), websockets),
    writeFile(path.join(dir, "janus.plugin.videoroom.jcfg"), videoroom),
    writeFile(path.join(dir, "janus.plugin.streaming.jcfg"), streaming),
  ]);
  return file;
}
