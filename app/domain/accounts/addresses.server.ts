// A shopper's address book: several saved Chinese addresses, at most one the default (the partial unique index
// "Address_one_default_per_user" is the backstop). Every read and write is scoped to its owner, so an address id
// from a client is only ever looked up among that shopper's own addresses.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { InvalidInput, NotFound } from "../errors.server";
import type { ContactInput } from "../checkout/order-rows.server";
import { MAX_ADDRESSES, type SavedAddress } from "./address-schema";

type Tx = Prisma.TransactionClient;

export type AddressInput = {
  recipientName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
};

const SHOWN = {
  id: true,
  recipientName: true,
  phone: true,
  province: true,
  city: true,
  district: true,
  street: true,
  isDefault: true,
} as const;

const notFound = () => new NotFound("account:address.notFound");

/** Writes to one shopper's book happen in turn (their user row is locked), so two can never both be default. */
function inBookOf<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const owner = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!owner.length) throw notFound();
    return work(tx);
  });
}

/** The default first, then the most recently used or changed. */
export function listAddresses(userId: string): Promise<SavedAddress[]> {
  return db.address.findMany({
    where: { userId },
    select: SHOWN,
    orderBy: [{ isDefault: "desc" }, { updatedAt: "desc" }],
  });
}

export async function getAddress(userId: string, addressId: string): Promise<SavedAddress> {
  const address = await db.address.findFirst({ where: { id: addressId, userId }, select: SHOWN });
  if (!address) throw notFound();
  return address;
}

async function clearDefault(tx: Tx, userId: string) {
  await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
}

/** Saves a new address; it becomes the default when asked to, or when the shopper has no default yet. */
export function addAddress(userId: string, input: AddressInput, options: { makeDefault?: boolean } = {}) {
  return inBookOf(userId, async (tx) => {
    if ((await tx.address.count({ where: { userId } })) >= MAX_ADDRESSES)
      throw new InvalidInput("account:address.error.full", { max: MAX_ADDRESSES });
    const hasDefault = (await tx.address.count({ where: { userId, isDefault: true } })) > 0;
    const isDefault = Boolean(options.makeDefault) || !hasDefault;
    if (isDefault) await clearDefault(tx, userId);
    return tx.address.create({ data: { userId, ...input, isDefault }, select: SHOWN });
  });
}

export function updateAddress(
  userId: string,
  addressId: string,
  input: AddressInput,
  options: { makeDefault?: boolean } = {},
) {
  return inBookOf(userId, async (tx) => {
    const existing = await tx.address.findFirst({ where: { id: addressId, userId }, select: { isDefault: true } });
    if (!existing) throw notFound();
    const isDefault = existing.isDefault || Boolean(options.makeDefault);
    if (isDefault && !existing.isDefault) await clearDefault(tx, userId);
    return tx.address.update({ where: { id: addressId }, data: { ...input, isDefault }, select: SHOWN });
  });
}

export function makeDefaultAddress(userId: string, addressId: string) {
  return inBookOf(userId, async (tx) => {
    const existing = await tx.address.findFirst({ where: { id: addressId, userId }, select: { id: true } });
    if (!existing) throw notFound();
    await clearDefault(tx, userId);
    await tx.address.update({ where: { id: addressId }, data: { isDefault: true } });
  });
}

/** Deletes an address; when it was the default, the most recently changed of the others takes its place. */
export function deleteAddress(userId: string, addressId: string) {
  return inBookOf(userId, async (tx) => {
    const existing = await tx.address.findFirst({ where: { id: addressId, userId }, select: { isDefault: true } });
    if (!existing) throw notFound();
    await tx.address.delete({ where: { id: addressId } });
    if (!existing.isDefault) return;
    const next = await tx.address.findFirst({
      where: { userId },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
  });
}

/** The contact a one-tap order ships to: one of this shopper's own addresses, or NotFound. */
export async function contactFromAddress(userId: string, addressId: string): Promise<ContactInput> {
  const address = await getAddress(userId, addressId);
  return {
    contactName: address.recipientName,
    phone: address.phone,
    province: address.province,
    city: address.city,
    district: address.district,
    street: address.street,
  };
}

/**
 * After a checkout typed in by hand: the address joins the shopper's book unless it is already there (or the
 * book is full), and becomes the default when there is none. So a first checkout fills the book.
 */
export function rememberAddress(userId: string, contact: ContactInput) {
  const input: AddressInput = {
    recipientName: contact.contactName,
    phone: contact.phone,
    province: contact.province,
    city: contact.city,
    district: contact.district,
    street: contact.street,
  };
  return inBookOf(userId, async (tx) => {
    const same = await tx.address.findFirst({ where: { userId, ...input }, select: { id: true } });
    if (same) return;
    const count = await tx.address.count({ where: { userId } });
    if (count >= MAX_ADDRESSES) return;
    const isDefault = (await tx.address.count({ where: { userId, isDefault: true } })) === 0;
    await tx.address.create({ data: { userId, ...input, isDefault } });
  });
}
