// `npm run db:seed:local`: applies migrations and the demo data to the local D1.
import { seedLocal, wrangler } from './lib.mjs'

wrangler(['d1', 'migrations', 'apply', 'DB', '--local'], { quiet: true })
const tokens = await seedLocal()
console.log('Demo data seeded into the local D1 (' + tokens.length + ' demo tokens).')
