// How fast passwords can be guessed, over real HTTP from real (loopback) source addresses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_FREE_MISSES, ADDRESS_GUESSES, ADDRESS_SIGNUPS } from "~/lib/login-limits.server";
import { startServer } from "../../server/index.ts";
import { postFrom } from "../helpers/http";
import { startTestServer } from "../helpers/server";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const PASSWORD = SHOPPER_PASSWORD;
const person = () => newShopper("villager");
const wrongGuess = (email: string) => ({ email, password: "not-the-password", redirectTo: "/" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("log-in limits", () => {
  it("rotating X-Forwarded-For does not get around the per-address limit when no proxy is trusted (the default)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= ADDRESS_GUESSES; i++) {
      const answer = await postFrom("127.0.0.2", `${baseUrl}/login`, wrongGuess(`stranger${i}@xff.test`), {
        "X-Forwarded-For": `203.0.113.${i % 250}`,
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, ADDRESS_GUESSES)).toEqual(Array(ADDRESS_GUESSES).fill(400));
    expect(statuses.at(-1)).toBe(429);
  });

  it("every spelling Remix routes to the log-in action counts against the same limit, /login.data included", async () => {
    const spellings = [
      "/login",
      "/login/",
      "/LOGIN",
      "/Login?index",
      "/%6Cogin",
      "/login.data",
      "/login.data?index",
      "/LOGIN.data",
      "/login/.data",
    ];
    const guess = (path: string, i: number) =>
      postFrom("127.0.0.3", `${baseUrl}${path}`, wrongGuess(`spelling${i}@xff.test`));
    for (let i = 0; i < ADDRESS_GUESSES; i++) {
      expect((await guess(spellings[i % spellings.length], i)).status).toBe(400);
    }
    for (const [i, path] of spellings.entries()) {
      expect({ path, status: (await guess(path, ADDRESS_GUESSES + i)).status }).toEqual({ path, status: 429 });
    }
  });

  it("guesses at one account from many addresses are paused, each pause longer than the last, and say when to retry", async () => {
    const email = await person();
    let address = 0;
    const guess = () => postFrom(`127.0.1.${++address}`, `${baseUrl}/login`, wrongGuess(email));
    // The free misses, and one more that opens the first pause.
    for (let i = 0; i <= ACCOUNT_FREE_MISSES; i++) expect((await guess()).status).toBe(400);
    const first = await guess();
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get("Retry-After"));
    expect(firstWait).toBeGreaterThan(0);
    expect(first.body).toContain(`尝试次数太多，请 ${firstWait} 秒后再试。`);

    await sleep(firstWait * 1000 + 100);
    expect((await guess()).status).toBe(400);
    const second = await guess();
    expect(second.status).toBe(429);
    const secondWait = Number(second.headers.get("Retry-After"));
    expect(secondWait).toBeGreaterThan(firstWait);

    // The owner, once the pause is over, gets in, and the count starts again.
    await sleep(secondWait * 1000 + 100);
    const owner = await postFrom("127.0.1.200", `${baseUrl}/login`, { email, password: PASSWORD, redirectTo: "/" });
    expect(owner.status).toBe(302);
    expect((await guess()).status).toBe(400);
  });

  it("one guesser behind a village's shared address does not lock the village out of its other accounts", async () => {
    const [target, neighbour] = [await person(), await person()];
    const village = "127.0.2.1";
    let last = 0;
    for (let i = 0; i <= ACCOUNT_FREE_MISSES + 1; i++) {
      last = (await postFrom(village, `${baseUrl}/login`, wrongGuess(target))).status;
    }
    expect(last).toBe(429);
    const signIn = await postFrom(village, `${baseUrl}/login`, { email: neighbour, password: PASSWORD });
    expect(signIn.status).toBe(302);
  });

  it("sign-ups from one address are limited whatever the URL spelling", async () => {
    const taken = await person();
    const form = { name: "重复", email: taken, password: PASSWORD, role: "shopper" };
    for (let i = 0; i < ADDRESS_SIGNUPS; i++) {
      const path = i % 2 ? "/signup.data" : "/SIGNUP/";
      expect((await postFrom("127.0.0.4", `${baseUrl}${path}`, form)).status).toBe(409);
    }
    const refused = await postFrom("127.0.0.4", `${baseUrl}/signup`, form);
    expect(refused.status).toBe(429);
    expect(refused.body).toContain("尝试次数太多");
  });

  it("an unknown e-mail is refused after the same work as a wrong password (median times within a factor of 2)", async () => {
    // Different accounts so no pause starts; one address, well inside its allowance.
    const accounts = [await person(), await person()];
    const timed = async (email: string) => {
      const started = performance.now();
      // The data URL: no page is rendered, so the password check is most of the time an answer takes.
      const answer = await postFrom("127.0.0.5", `${baseUrl}/login.data`, wrongGuess(email));
      expect(answer.status).toBe(400);
      return performance.now() - started;
    };
    await timed("warm-up@nobody.test");
    await timed(accounts[0]);
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 8; i++) {
      unknown.push(await timed(`nobody${i}@nobody.test`));
      wrong.push(await timed(accounts[i % 2]));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe("behind a trusted proxy (TRUSTED_PROXIES=1)", () => {
  let proxiedUrl: string;
  beforeAll(async () => {
    const server = await startServer({ port: 0, host: "127.0.0.1", trustedProxies: 1 });
    proxiedUrl = server.url.replace("localhost", "127.0.0.1");
    afterAll(() => server.close());
  });

  it("counts each client by the address the proxy reports, not by the proxy's own", async () => {
    const from = (client: string, i: number) =>
      postFrom("127.0.0.6", `${proxiedUrl}/login`, wrongGuess(`proxied${i}@xff.test`), { "X-Forwarded-For": client });
    for (let i = 0; i < ADDRESS_GUESSES; i++) expect((await from("198.51.100.7", i)).status).toBe(400);
    expect((await from("198.51.100.7", ADDRESS_GUESSES)).status).toBe(429);
    expect((await from("198.51.100.8", ADDRESS_GUESSES + 1)).status).toBe(400);
  });
});
