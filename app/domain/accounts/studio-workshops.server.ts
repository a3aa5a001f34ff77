// Which workshops a person manages in the studio: their own (by membership), or every one for an admin.
import { workshopPlaceSelect } from "./workshop-select.server";
import { db } from "~/lib/db.server";

export async function listManagedWorkshops(viewer: {
  isAdmin: boolean;
  memberships: { role: string; workshop: { id: string } }[];
}) {
  const roles = new Map(viewer.memberships.map((m) => [m.workshop.id, m.role]));
  const workshops = await db.workshop.findMany({
    where: viewer.isAdmin ? {} : { id: { in: [...roles.keys()] } },
    orderBy: { createdAt: "asc" },
    select: {
      ...workshopPlaceSelect,
      status: true,
      _count: { select: { products: true } },
    },
  });
  return workshops.map((w) => ({ ...w, role: roles.get(w.id) ?? null }));
}
