// Apollo's libraries report usage to Apollo unless told not to; tests run offline.
process.env.APOLLO_TELEMETRY_DISABLED = '1';
