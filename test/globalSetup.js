// Runs once before any test file: finds out whether this machine's PostgreSQL can be used,
// so PostgreSQL tests run, or are skipped with this reason printed (never silently passed);
// and initdb's the one PGlite cluster every in-memory test database loads (kit/testing/writePgliteTemplate.ts).
const { tmpdir } = require('node:os');
const { Client } = require('pg');
const { writePgliteTemplate } = require('../kit/testing/writePgliteTemplate');

module.exports = async function globalSetup() {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  await probePostgres();
  await probeRedis();
  // Kept in the temporary folder between runs, one file per PGlite release.
  process.env.ENSEMBLE_TEST_PGLITE_TEMPLATE = await writePgliteTemplate(tmpdir());
};

async function probePostgres() {
  const url = process.env.ENSEMBLE_TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.ENSEMBLE_TEST_POSTGRES_URL = url;
    delete process.env.ENSEMBLE_TEST_POSTGRES_SKIP;
  } catch (error) {
    const reason = `PostgreSQL tests are skipped: cannot use ${url.replace(/:[^:@/]*@/, ':***@')} (${error.message})`;
    process.env.ENSEMBLE_TEST_POSTGRES_SKIP = reason;
    console.warn(`\n${reason}\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Redis tests (gateway state shared by replicas) run only where a Redis answers PING.
async function probeRedis() {
  const url = process.env.ENSEMBLE_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    process.env.ENSEMBLE_TEST_REDIS_URL = url;
    delete process.env.ENSEMBLE_TEST_REDIS_SKIP;
  } catch (error) {
    const reason = `Redis tests are skipped: cannot use ${url} (${error.message})`;
    process.env.ENSEMBLE_TEST_REDIS_SKIP = reason;
    console.warn(`\n${reason}\n`);
  } finally {
    redis.disconnect();
  }
}
