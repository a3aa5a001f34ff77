// Password hashing with Argon2id (OWASP's first choice), through a maintained native binding.
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Made with the same options as real hashes, so verifying against it costs what a real check costs.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against an account's hash, or against a throwaway hash when there is no such account, so an
 * unknown e-mail is refused after the same work as a wrong password and answer times do not reveal who has one.
 */
export async function verifyPasswordOrDummy(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash) return verifyPassword(passwordHash, password);
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await dummyHash, password);
  return false;
}
