// The columns that name a workshop and place it (its village), read together wherever a workshop is listed.
import type { Prisma } from "~/generated/prisma/client";

export const workshopPlaceSelect = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  villageZh: true,
  villageEn: true,
} satisfies Prisma.WorkshopSelect;
