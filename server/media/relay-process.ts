// The embedded engine's child process: runs the werift relay and answers the parent's requests over Node's IPC
// channel. It lives as long as its parent: when the channel closes, it exits.
import { MediaRefusal, type RelaySettings } from "./media-engine.ts";
import { Relay } from "./relay.ts";
import type { RelayNotice, RelayReply, RelayRequest } from "./relay-protocol.ts";

const settings = JSON.parse(process.argv[2] ?? "{}") as RelaySettings;
const relay = new Relay(settings, (change) => process.send?.({ notice: "broadcast", change } satisfies RelayNotice));

async function run(request: RelayRequest): Promise<unknown> {
  switch (request.op) {
    case "publish":
      return relay.publish(...request.args);
    case "watch":
      return relay.watch(...request.args);
    case "endSession":
      return relay.endSession(...request.args);
    case "endRoom":
      return relay.endRoom(...request.args);
    case "roomState":
      return relay.roomState(...request.args);
    case "forwardRtp":
      return relay.forwardRtp(...request.args);
    case "stopForward":
      return relay.stopForward(...request.args);
  }
}

process.on("message", (request: RelayRequest) => {
  run(request).then(
    (value) => process.send?.({ id: request.id, ok: true, value } satisfies RelayReply),
    (error: unknown) =>
      process.send?.({
        id: request.id,
        ok: false,
        code: error instanceof MediaRefusal ? error.code : undefined,
        message: error instanceof Error ? error.message : String(error),
      } satisfies RelayReply),
  );
});

process.on("disconnect", () => {
  void relay.close().finally(() => process.exit(0));
});
process.send?.({ id: 0, ok: true, value: "ready" } satisfies RelayReply);
