// The admin's review of who may sell and who may host: an approved workshop shows on the storefront, an
// approved host may run shows. A decision can be revised later (e.g. suspending a workshop).
import { workshopPlaceSelect } from "./workshop-select.server";
import type { ApprovalStatus } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { NotFound } from "../errors.server";

export type Decision = Extract<ApprovalStatus, "approved" | "rejected">;

export async function listForReview() {
  const [workshops, hosts] = await Promise.all([
    db.workshop.findMany({
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: {
        ...workshopPlaceSelect,
        districtZh: true,
        districtEn: true,
        status: true,
        createdAt: true,
        _count: { select: { products: true } },
        members: { where: { role: "owner" }, select: { user: { select: { name: true, email: true } } } },
      },
    }),
    db.host.findMany({
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: {
        id: true,
        displayNameZh: true,
        displayNameEn: true,
        villageZh: true,
        villageEn: true,
        bioZh: true,
        bioEn: true,
        status: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
        _count: { select: { shows: true } },
      },
    }),
  ]);
  return {
    pendingWorkshops: workshops.filter((w) => w.status === "pending"),
    pendingHosts: hosts.filter((h) => h.status === "pending"),
    workshops,
    hosts,
  };
}

export async function decideWorkshop(workshopId: string, decision: Decision) {
  const { count } = await db.workshop.updateMany({ where: { id: workshopId }, data: { status: decision } });
  if (!count) throw new NotFound();
}

export async function decideHost(hostId: string, decision: Decision) {
  const { count } = await db.host.updateMany({ where: { id: hostId }, data: { status: decision } });
  if (!count) throw new NotFound();
}
