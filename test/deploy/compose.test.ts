import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { deployRoles, type Role } from '../../deploy/roles';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}

const compose = parse(readFileSync(path.join(__dirname, '../../deploy/compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const roles = deployRoles();
const INFRASTRUCTURE = ['postgres', 'redis'];
const app = Object.entries(services).filter(([name]) => !INFRASTRUCTURE.includes(name));

/** The role a service runs, read from its command: the entry point, and the subgraph's name after bin/subgraph.ts. */
function roleOf(service: ComposeService): Role | undefined {
  const [script, name] = service.command ?? [];
  return roles.find((role) => role.script === script && (role.plugin ? role.args[0] === name : true));
}

const flag = (service: ComposeService, name: string) => service.command?.[service.command.indexOf(name) + 1];

describe('deploy/compose.yaml against the roles the code defines', () => {
  it('runs every role, and only roles, each under its own name, from one image', () => {
    expect(app.map(([name]) => name).sort()).toEqual(roles.map((role) => role.name).sort());
    for (const [name, service] of app) {
      expect(roleOf(service)?.name).toBe(name);
      expect(service.image).toBe('${ENSEMBLE_IMAGE:-ensemble:local}');
    }
    expect(services.postgres).toBeDefined();
    expect(services.redis).toBeDefined();
  });

  it("keeps @apollo/gateway's usage reporting to Apollo off", () => {
    for (const [name, service] of app) expect([name, service.environment?.APOLLO_TELEMETRY_DISABLED]).toEqual([name, '1']);
  });

  it('runs two gateways and two catalogs', () => {
    expect(services.gateway.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.catalog.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('serves each subgraph on its declared port and publishes where gateways reach it', () => {
    for (const role of roles.filter((candidate) => candidate.plugin)) {
      const service = services[role.name];
      expect(flag(service, '--port')).toBe(String(role.port));
      expect(flag(service, '--routing-url')).toBe(`http://${role.name}:${role.port}/graphql`);
      expect(flag(service, '--publish-to')).toBe(`http://registry:${roles.find((candidate) => candidate.name === 'registry')!.port}`);
    }
    expect(flag(services.gateway, '--registry')).toBe('http://registry:4100');
  });

  it('gives each database-owning role its own PostgreSQL database, created at init', () => {
    const created = services.postgres.environment!.ENSEMBLE_DATABASES.split(',').sort();
    const owners = roles.filter((role) => role.databaseVariable);
    expect(created).toEqual(owners.map((role) => role.name).sort());
    for (const role of owners) {
      const url = new RegExp(`^postgres://[^@]+@postgres:5432/${role.name}$`);
      expect(services.migrate.environment![role.databaseVariable!]).toMatch(url);
      // Each service sees its own database only.
      const own = Object.keys(services[role.name].environment!).filter((name) => name.endsWith('_DATABASE_URL'));
      expect(own).toEqual([role.databaseVariable]);
      expect(services[role.name].environment![role.databaseVariable!]).toMatch(url);
    }
  });

  it('migrates before anything else starts', () => {
    expect(services.registry.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    for (const [name, service] of app.filter(([name]) => !['migrate', 'registry'].includes(name))) {
      expect([name, service.depends_on?.registry]).toEqual([name, { condition: 'service_healthy' }]);
    }
  });

  it('tells plugins that read the graph where it is, and takes every secret from the environment', () => {
    for (const role of roles.filter((role) => role.databaseVariable && role.name !== 'registry')) {
      // Plugin writes check their entity through the gateway (kit/permissions/readableEntities.ts).
      expect([role.name, services[role.name].environment?.ENSEMBLE_GATEWAY_URL]).toEqual([role.name, 'http://gateway:4000/graphql']);
    }
    // The gateway replicas share rate-limit budgets through Redis (bin/sharedStateOptions.ts reads REDIS_URL).
    expect(services.gateway.environment?.REDIS_URL).toBe('redis://redis:6379');
    for (const role of roles) {
      const need = role.plugin?.needs?.gateway;
      if (need) expect(Object.keys(services[role.name].environment!)).toEqual(expect.arrayContaining([need.urlSetting, need.tokenSetting]));
    }
    for (const [, service] of Object.entries(services)) {
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        // A token list names its tokens by variable; every other secret is a required variable.
        if (/TOKENS$/.test(name)) expect(value).toMatch(/^\{"\$\{[A-Z_]+\}": /);
        else if (/SECRET|TOKEN|PASSWORD/.test(name)) expect([name, value]).toEqual([name, expect.stringMatching(/^\$\{[A-Z_]+:\?/)]);
      }
    }
  });
});
