import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Service } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { deployRoles } from '../../deploy/roles';
import { renderManifests, type Manifest } from '../../deploy/kubernetes/renderManifests';
import { parseDeployValues, type DeployValues } from '../../deploy/kubernetes/values';
import { SUBGRAPHS } from '../../supergraph.config';

const VALUES_FILE = path.join(__dirname, '../../deploy/kubernetes/values.yaml');
const values = (): DeployValues => parseDeployValues(parse(readFileSync(VALUES_FILE, 'utf8')));

/** Kubernetes' own schemas (kubernetes-models 4.5.1, generated from the API's OpenAPI), by apiVersion and kind. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'batch/v1 Job': Job,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
};

const podOf = (manifest: Manifest): any => (manifest.spec as any).template.spec;
const byKind = (manifests: Manifest[], kind: string) => manifests.filter((manifest) => manifest.kind === kind);

describe('the rendered Kubernetes manifests', () => {
  const manifests = renderManifests(values());

  it('validate against Kubernetes schemas, every object', () => {
    for (const manifest of manifests) {
      const Model = MODELS[`${manifest.apiVersion} ${manifest.kind}`];
      expect(Model).toBeDefined();
      expect(() => new Model(manifest).validate()).not.toThrow();
    }
  });

  it('the validation would catch a wrong object', () => {
    const deployment = structuredClone(byKind(manifests, 'Deployment')[0]);
    (deployment.spec as any).replicas = 'two';
    expect(() => new Deployment(deployment as any).validate()).toThrow(/replicas must be integer/);
  });

  it('run the gateway, the registry and every declared subgraph, each with a Service, an autoscaler and a disruption budget', () => {
    const expected = ['gateway', 'registry', ...SUBGRAPHS.map((entry) => entry.name)].map((name) => `ensemble-${name}`).sort();
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
      expect(byKind(manifests, kind).map((manifest) => manifest.metadata.name).sort()).toEqual(expected);
    }
    for (const autoscaler of byKind(manifests, 'HorizontalPodAutoscaler')) {
      expect((autoscaler.spec as any).scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: autoscaler.metadata.name });
    }
    const subgraph = podOf(byKind(manifests, 'Deployment').find((manifest) => manifest.metadata.name === 'ensemble-catalog')!).containers[0];
    expect(subgraph.args.slice(0, 2)).toEqual(['bin/subgraph.ts', 'catalog']);
    expect(subgraph.args).toEqual(expect.arrayContaining(['--publish-to', 'http://ensemble-registry:4100', '--routing-url', 'http://ensemble-catalog:4001/graphql']));
    // Every subgraph's plugin writes check their entity through the gateway (kit/permissions/readableEntities.ts).
    for (const entry of SUBGRAPHS) {
      const container = podOf(byKind(manifests, 'Deployment').find((manifest) => manifest.metadata.name === `ensemble-${entry.name}`)!).containers[0];
      expect(container.env).toContainEqual({ name: 'ENSEMBLE_GATEWAY_URL', value: 'http://ensemble-gateway:4000/graphql' });
    }
  });

  it('migrate every database in a Job that comes first', () => {
    expect(manifests[0].kind).toBe('Job');
    expect(byKind(manifests, 'Job')).toHaveLength(1);
    const container = podOf(manifests[0]).containers[0];
    expect(container.args).toEqual(['bin/migrate.ts']);
    const variables = container.env.map((variable: { name: string }) => variable.name);
    for (const role of deployRoles()) if (role.databaseVariable) expect(variables).toContain(role.databaseVariable);
  });

  it('probe /readyz and /healthz, bound resources, and run as a non-root user on a read-only root', () => {
    for (const deployment of byKind(manifests, 'Deployment')) {
      const pod = podOf(deployment);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      for (const container of pod.containers) {
        const readiness = deployment.metadata.name === 'ensemble-gateway' ? '/readyz?require=supergraph' : '/readyz';
        expect(container.readinessProbe.httpGet).toEqual({ path: readiness, port: 'http' });
        expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
        expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
      }
    }
  });

  it("keep @apollo/gateway's usage reporting to Apollo off", () => {
    for (const manifest of [...byKind(manifests, 'Deployment'), ...byKind(manifests, 'Job')]) {
      expect(podOf(manifest).containers[0].env).toContainEqual({ name: 'APOLLO_TELEMETRY_DISABLED', value: '1' });
    }
  });

  it('take every credential from the Secret, never as a value', () => {
    for (const manifest of [...byKind(manifests, 'Deployment'), ...byKind(manifests, 'Job')]) {
      for (const variable of podOf(manifest).containers[0].env) {
        if (/SECRET|TOKEN|DATABASE_URL|_KEY/.test(variable.name)) {
          expect(variable.value).toBeUndefined();
          expect(variable.valueFrom.secretKeyRef.name).toBe('ensemble-secrets');
        }
      }
    }
  });
});

describe('deploy values', () => {
  it('refuse a secret given as a plain value', () => {
    const given = values();
    given.roles.gateway = { env: { ENSEMBLE_SUBGRAPH_SECRET: 'x'.repeat(32) } };
    expect(() => renderManifests(given)).toThrow(/roles\.gateway\.env\.ENSEMBLE_SUBGRAPH_SECRET: a secret/);
  });

  it('refuse a role the code does not define, and bad numbers, naming the field', () => {
    const unknown = values();
    unknown.roles.billing = { replicas: 2 };
    expect(() => renderManifests(unknown)).toThrow(/roles\.billing: no such role/);
    const raw = parse(readFileSync(VALUES_FILE, 'utf8'));
    expect(() => parseDeployValues({ ...raw, defaults: { ...raw.defaults, replicas: 0 } })).toThrow(/defaults\.replicas/);
    expect(() => parseDeployValues({ ...raw, image: 'bad image; rm -rf /' })).toThrow(/image/);
    expect(() => parseDeployValues({ ...raw, extra: true })).toThrow(/Deploy values/);
    const inverted = values();
    inverted.roles.catalog = { autoscaling: { minReplicas: 5, maxReplicas: 2, targetCPUUtilizationPercentage: 70 } };
    expect(() => renderManifests(inverted)).toThrow(/catalog: autoscaling.minReplicas is above maxReplicas/);
  });
});
