// Load viewers for the glass-to-glass benchmark: werift peers in this separate process (so their CPU is not the
// parent's), each receiving the broadcast and counting its RTP packets. Driven by the parent over IPC.
import { answeringViewer, nodeViewer, type PeerNetwork } from "../helpers/webrtc-peer.ts";

type Viewer = { packets(): number; close(): Promise<void>; connected(): Promise<void> };
type Request =
  | { id: number; op: "offer"; viewer: number }
  | { id: number; op: "accept"; viewer: number; sdp: string }
  | { id: number; op: "answer"; sdp: string }
  | { id: number; op: "packets" };

const network = (process.env.NETWORK ?? "loopback") as PeerNetwork;
const viewers = new Map<number, Viewer & { accept?(sdp: string): Promise<void> }>();

process.on("message", async (request: Request) => {
  try {
    if (request.op === "offer") {
      const viewer = await nodeViewer(network);
      viewers.set(request.viewer, viewer);
      process.send!({ id: request.id, sdp: viewer.offer });
    } else if (request.op === "accept") {
      const viewer = viewers.get(request.viewer)!;
      await viewer.accept!(request.sdp);
      await viewer.connected();
      process.send!({ id: request.id });
    } else if (request.op === "answer") {
      const viewer = answeringViewer(network);
      viewers.set(-request.id, viewer);
      const sdp = await viewer.answer(request.sdp);
      process.send!({ id: request.id, sdp });
      void viewer.connected().catch(() => {});
    } else {
      process.send!({ id: request.id, packets: [...viewers.values()].map((viewer) => viewer.packets()) });
    }
  } catch (error) {
    process.send!({ id: request.id, error: String(error) });
  }
});
process.on("disconnect", () => process.exit(0));
