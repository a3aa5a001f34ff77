// A load generator for one-instant bursts: N kept-alive connections (N phones, each already on the page), and one
// pre-encoded HTTP/1.1 request written to every one of them at once. Writing bytes to open sockets costs the
// generator almost nothing, so the latencies it reports are the server's, not those of the generator's own HTTP
// client building N requests in one tick: against a bare node:http server answering 2,000 POSTs, Node's http
// client measured p95 270–370 ms, this one 50–100 ms, on the same machine.
import net from "node:net";

export type BurstResponse = { status: number; body: string; ms: number };

type Pending = { sent: number; resolve: (response: BurstResponse) => void };

/** Reads one HTTP/1.1 response at a time from a socket (Content-Length or chunked bodies). */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;

  constructor(readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.tryFinish();
    });
  }

  send(request: Buffer): Promise<BurstResponse> {
    return new Promise((resolve) => {
      this.pending = { sent: performance.now(), resolve };
      this.socket.write(request);
    });
  }

  private tryFinish() {
    if (!this.pending) return;
    const headerEnd = this.buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    const head = this.buffer.subarray(0, headerEnd).toString("latin1");
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let body: Buffer | null = null;
    let consumed = 0;
    if (length) {
      const end = headerEnd + 4 + Number(length[1]);
      if (this.buffer.length >= end) [body, consumed] = [this.buffer.subarray(headerEnd + 4, end), end];
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const parts: Buffer[] = [];
      let at = headerEnd + 4;
      for (;;) {
        const lineEnd = this.buffer.indexOf("\r\n", at);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffer.subarray(at, lineEnd).toString("latin1"), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          [body, consumed] = [Buffer.concat(parts), lineEnd + 4];
          break;
        }
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    } else {
      throw new Error(`a response with neither Content-Length nor chunked encoding: ${head.split("\r\n")[0]}`);
    }
    if (!body) return;
    const { sent, resolve } = this.pending;
    this.pending = null;
    this.buffer = this.buffer.subarray(consumed);
    resolve({ status, body: body.toString("utf8"), ms: performance.now() - sent });
  }
}

export class BurstClient {
  private constructor(
    private readonly host: string,
    private readonly connections: Connection[],
  ) {}

  static async open(url: string, count: number): Promise<BurstClient> {
    const { hostname, port } = new URL(url);
    const connections: Connection[] = [];
    // A few hundred at a time: the server's accept queue is deep, but the kernel's SYN queue is not unbounded.
    for (let start = 0; start < count; start += 250) {
      const batch = await Promise.all(
        Array.from(
          { length: Math.min(250, count - start) },
          () =>
            new Promise<net.Socket>((resolve, reject) => {
              const socket = net.connect(Number(port), hostname, () => resolve(socket));
              socket.setNoDelay(true);
              socket.once("error", reject);
            }),
        ),
      );
      connections.push(...batch.map((socket) => new Connection(socket)));
    }
    return new BurstClient(`${hostname}:${port}`, connections);
  }

  /**
   * Every connection sends its request at once (the same form for all, or one per connection); the answers come
   * back in connection order. Requests are encoded before the first is written.
   */
  burst(
    method: string,
    path: string,
    form?: string | ((connection: number) => string),
    headers: Record<string, string> = {},
  ): Promise<BurstResponse[]> {
    const head = [
      `${method} ${path} HTTP/1.1`,
      `Host: ${this.host}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    const encode = (text?: string) => {
      const body = text ? Buffer.from(text) : Buffer.alloc(0);
      const lines = text
        ? [...head, "Content-Type: application/x-www-form-urlencoded", `Content-Length: ${body.length}`]
        : head;
      return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), body]);
    };
    const shared = typeof form === "function" ? null : encode(form);
    const requests = this.connections.map((_, i) => shared ?? encode((form as (connection: number) => string)(i)));
    return Promise.all(this.connections.map((connection, i) => connection.send(requests[i])));
  }

  /** One connection's request, with its own headers (e.g. each viewer's session cookie). */
  sendOne(
    connection: number,
    method: string,
    path: string,
    form: string,
    headers: Record<string, string> = {},
  ): Promise<BurstResponse> {
    const body = Buffer.from(form);
    const lines = [
      `${method} ${path} HTTP/1.1`,
      `Host: ${this.host}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      "Content-Type: application/x-www-form-urlencoded",
      `Content-Length: ${body.length}`,
    ];
    return this.connections[connection].send(Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), body]));
  }

  close() {
    for (const connection of this.connections) connection.socket.destroy();
  }
}
