// Fresh shopper accounts made through the real sign-up, one per call, for tests about logging in.
import { signUp } from "~/domain/accounts/accounts.server";

export const SHOPPER_PASSWORD = "a-long-password";

let made = 0;

/** A new shopper's e-mail (`<tag><n>@<tag>.test`), signed up with SHOPPER_PASSWORD. */
export async function newShopper(tag: string): Promise<string> {
  made += 1;
  const email = `${tag}${made}@${tag}.test`;
  await signUp({ email, name: `${tag}${made}`, password: SHOPPER_PASSWORD, role: "shopper" });
  return email;
}
