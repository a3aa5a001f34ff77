// Users, sign-up, log-in and roles (shopper, host, workshop staff, admin).
import { db } from "~/lib/db.server";
import { hashPassword, verifyPasswordOrDummy } from "~/lib/password.server";
import { Conflict } from "../errors.server";

export type SignUpInput = {
  email: string;
  name: string;
  password: string;
  role: "shopper" | "host" | "workshop";
  workshopName?: string;
  village?: string;
};

export async function signUp(input: SignUpInput) {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new Conflict("account:signup.emailTaken");
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: input.name.trim(), passwordHash } });
    if (input.role === "host") {
      await tx.host.create({
        data: {
          userId: user.id,
          displayNameZh: user.name,
          displayNameEn: user.name,
          villageZh: input.village ?? "",
          villageEn: input.village ?? "",
        },
      });
    }
    if (input.role === "workshop" && input.workshopName) {
      const workshop = await tx.workshop.create({
        data: {
          slug: `workshop-${user.id.slice(-8)}`,
          nameZh: input.workshopName,
          nameEn: input.workshopName,
          villageZh: input.village ?? "",
          villageEn: input.village ?? "",
          districtZh: "",
          districtEn: "",
          storyZh: "",
          storyEn: "",
          coverImage: "/images/workshop-placeholder.svg",
          shipFromZh: input.village ?? "",
          shipFromEn: input.village ?? "",
          factsZh: [],
          factsEn: [],
        },
      });
      await tx.workshopMember.create({ data: { userId: user.id, workshopId: workshop.id, role: "owner" } });
    }
    return user;
  });
}

export async function verifyLogin(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const matches = await verifyPasswordOrDummy(user?.passwordHash ?? null, password);
  return user && matches ? user : null;
}

/** What the header and guards need to know about the signed-in user. */
export async function getViewer(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      host: { select: { id: true, status: true } },
      memberships: {
        select: {
          role: true,
          workshop: { select: { id: true, slug: true, nameZh: true, nameEn: true, status: true } },
        },
      },
    },
  });
}

export type Viewer = NonNullable<Awaited<ReturnType<typeof getViewer>>>;

/** The user behind an e-mail address, for the admin's desk. */
export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}

export async function setUserLocale(userId: string, locale: string) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
