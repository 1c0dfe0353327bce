import { getDbHandle } from '../client';
import { migrateDatabase } from '../migrate';
import { seedDemoData } from '../seed';
import { refuseWhileAppHoldsPglite } from './guard';

// Seeding a configured PostgreSQL happens only when someone runs this script on purpose.
refuseWhileAppHoldsPglite();
const handle = await getDbHandle();
await migrateDatabase(handle);
const { seeded } = await seedDemoData(handle.db);
await handle.close();
console.log(seeded ? `Demo data seeded (${handle.kind}: ${handle.location}).` : 'The database already holds data: nothing seeded.');
