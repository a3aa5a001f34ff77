// `npm start`'s seeding, run in a process of its own (server/start.ts spawns it): the demo market and its paid
// demo orders, into an empty database only. Kept out of the serving process, which loads the app only from the
// Remix build: seeding from source there would leave a second copy of every app module beside the build's.
import { disconnectDb, db } from "../app/lib/db.server.ts";
import { seedDemoOrders } from "./demo-orders.ts";
import { seed } from "./seed.ts";

try {
  const { seeded } = await seed(db);
  if (seeded) {
    const orders = await seedDemoOrders();
    console.log(
      `[cunbo] seeded the demo market (workshops, products, hosts, shows, demo accounts) and ${orders} paid demo orders`,
    );
  }
} finally {
  await disconnectDb();
}
