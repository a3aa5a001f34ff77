import { describe, expect, it } from "vitest";
import { crossSiteReason } from "../../server/request-origin.ts";

const HOST = "127.0.0.1:3000";

describe("which writes count as cross-site", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteReason("GET", { host: HOST, origin: "http://evil.example", "sec-fetch-site": "cross-site" })).toBe(
      null,
    );
    expect(crossSiteReason("HEAD", { host: HOST, origin: "null" })).toBe(null);
  });

  it("compares scheme, host and port with the Host the request came to", () => {
    expect(crossSiteReason("POST", { host: HOST, origin: "http://127.0.0.1:3000" })).toBe(null);
    expect(crossSiteReason("POST", { host: HOST, origin: "http://127.0.0.1:3001" })).toBe("foreign");
    expect(crossSiteReason("POST", { host: HOST, origin: "https://127.0.0.1:3000" })).toBe("foreign");
    expect(crossSiteReason("DELETE", { host: HOST, origin: "http://localhost:3000" })).toBe("foreign");
  });

  it("takes the scheme from a proxy's X-Forwarded-Proto", () => {
    const headers = { host: "cunbo.example", "x-forwarded-proto": "https" };
    expect(crossSiteReason("POST", { ...headers, origin: "https://cunbo.example" })).toBe(null);
    expect(crossSiteReason("POST", { ...headers, origin: "http://cunbo.example" })).toBe("foreign");
  });

  it("with a public URL, accepts only its origin", () => {
    const publicUrl = "https://cunbo.example/";
    expect(crossSiteReason("POST", { host: "10.0.0.5:3000", origin: "https://cunbo.example" }, publicUrl)).toBe(null);
    expect(crossSiteReason("POST", { host: "10.0.0.5:3000", origin: "http://10.0.0.5:3000" }, publicUrl)).toBe(
      "foreign",
    );
  });

  it("refuses what the browser calls same-site or cross-site, even without an Origin", () => {
    expect(crossSiteReason("POST", { host: HOST, "sec-fetch-site": "same-site" })).toBe("foreign");
    expect(crossSiteReason("POST", { host: HOST, "sec-fetch-site": "cross-site", origin: "null" })).toBe("foreign");
  });

  it("accepts Origin: null only when the browser vouches Sec-Fetch-Site: same-origin", () => {
    expect(crossSiteReason("POST", { host: HOST, origin: "null", "sec-fetch-site": "same-origin" })).toBe(null);
    expect(crossSiteReason("POST", { host: HOST, origin: "null" })).toBe("hidden");
    expect(crossSiteReason("POST", { host: HOST, origin: "null", "sec-fetch-site": "none" })).toBe("hidden");
  });

  it("lets through a client that is no browser (neither Origin nor Sec-Fetch-Site)", () => {
    expect(crossSiteReason("POST", { host: HOST })).toBe(null);
  });

  it("refuses a malformed Origin or a missing Host", () => {
    expect(crossSiteReason("POST", { host: HOST, origin: "not a url" })).toBe("foreign");
    expect(crossSiteReason("POST", { origin: "http://127.0.0.1:3000" })).toBe("foreign");
  });
});
