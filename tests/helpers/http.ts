// A tiny cookie-keeping HTTP client for integration tests: real requests to the real server, as a browser
// without JavaScript would make them (form posts, redirects not followed so tests can see them).
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

  /** The Cookie header this visitor sends, e.g. for a socket.io handshake. */
  get cookieHeader(): string {
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
