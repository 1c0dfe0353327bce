import { getDbHandle } from '../client';
import { migrateDatabase } from '../migrate';
import { refuseWhileAppHoldsPglite } from './guard';

refuseWhileAppHoldsPglite();
const handle = await getDbHandle();
await migrateDatabase(handle);
await handle.close();
console.log(`Migrations applied (${handle.kind}: ${handle.location}).`);
