import { getDbHandle } from '../client';
import { generateData, SIZES, type Size } from '../generate/generate';
import { migrateDatabase } from '../migrate';
import { refuseWhileAppHoldsPglite } from './guard';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

const size = (arg('size') ?? 'S').toUpperCase() as Size;
if (!(size in SIZES)) {
  console.error(`Unknown size ${size}: use ${Object.keys(SIZES).join(', ')}`);
  process.exit(2);
}
const seed = Number(arg('seed') ?? 1);
if (!Number.isSafeInteger(seed)) {
  console.error('--seed must be an integer');
  process.exit(2);
}

refuseWhileAppHoldsPglite();
const t0 = performance.now();
const handle = await getDbHandle();
await migrateDatabase(handle);
console.log(`Generating size ${size} (seed ${seed}) into ${handle.kind}: ${handle.location}`);
try {
  const { counts } = await generateData(handle.db, { size, seed, log: (m) => console.log(m) });
  console.log('Counts:', counts);
  console.log(`Total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  await handle.close();
}
