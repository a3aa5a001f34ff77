// A tiny cookie-keeping HTTP client for integration tests: real requests to the real server, as a browser
// without JavaScript would make them (form posts, redirects not followed so tests can see them).
import { request as httpRequest } from "node:http";

export class Visitor {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }

  /** The Cookie header this visitor sends (for a socket.io client acting as the same person). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(path: string) {
    return this.request(path);
  }

  /** Posts a form, with the Origin a browser would send. */
  post(path: string, fields: Record<string, string> | FormData) {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    return this.request(path, { method: "POST", body, headers: { Origin: this.baseUrl } });
  }

  async logIn(email: string, password = "cunbo2026") {
    const response = await this.post("/login", { email, password, redirectTo: "/" });
    if (response.status !== 302) throw new Error(`log-in as ${email} failed with ${response.status}`);
    return this;
  }
}

export type RawAnswer = { status: number; headers: Headers; body: string };

/**
 * Posts a form from a chosen loopback source address (127.0.0.0/8 all reach the server), as distinct clients —
 * a village's NAT, a guesser's many machines — would, since the server must not believe X-Forwarded-For.
 */
export function postFrom(
  localAddress: string,
  url: string,
  fields: Record<string, string>,
  extraHeaders: Record<string, string> = {},
): Promise<RawAnswer> {
  const target = new URL(url);
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: "POST",
        localAddress,
        agent: false,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Origin: target.origin,
          ...extraHeaders,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
              headers.append(name, one);
          }
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
