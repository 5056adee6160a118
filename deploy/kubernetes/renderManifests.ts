import { deployRoles, GATEWAY_PORT, REGISTRY_PORT, type Role } from '../roles';
import type { DeployValues } from './values';

/** A Kubernetes object as rendered (validated by test/deploy against Kubernetes' schemas). */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } } & Record<string, unknown>;

/** Names that carry credentials: they come from the Secret, never from values.yaml. */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|DATABASE_URL|(^|_)KEY($|_)|CREDENTIAL/;
const APP = 'ensemble';
const UID = 10001;

const serviceName = (role: Role) => `${APP}-${role.name}`;

/**
 * Every object of the deploy, from the values and the code's roles: the migrations Job
 * first (apply it and wait before the rest: docs/operations.md, "Upgrades"), then per
 * service role a Deployment, a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget.
 */
export function renderManifests(values: DeployValues, roles: Role[] = deployRoles()): Manifest[] {
  const known = new Set(roles.map((role) => role.name));
  for (const name of Object.keys(values.roles)) if (!known.has(name)) throw new Error(`Deploy values: roles.${name}: no such role (known: ${[...known].join(', ')})`);
  for (const [where, env] of [['env', values.env], ...Object.entries(values.roles).map(([name, role]) => [`roles.${name}.env`, role.env ?? {}] as const)] as const) {
    for (const variable of Object.keys(env)) {
      if (SECRET_NAME.test(variable) || secretSettings(roles).has(variable)) throw new Error(`Deploy values: ${where}.${variable}: a secret; put it in the Secret "${values.secretName}"`);
    }
  }
  const databases = roles.flatMap((role) => (role.databaseVariable ? [role.databaseVariable] : []));
  return roles.flatMap((role) => (role.kind === 'job' ? [migrationsJob(values, role, databases)] : serviceObjects(values, role)));
}

function secretSettings(roles: Role[]): Set<string> {
  return new Set(roles.flatMap((role) => (role.plugin?.settings ?? []).filter((setting) => setting.secret).map((setting) => setting.name)));
}

function settingsOf(values: DeployValues, role: Role) {
  const own = values.roles[role.name] ?? {};
  const autoscaling = own.autoscaling ?? values.defaults.autoscaling;
  if (autoscaling.minReplicas > autoscaling.maxReplicas) throw new Error(`Deploy values: ${role.name}: autoscaling.minReplicas is above maxReplicas`);
  return { replicas: own.replicas ?? values.defaults.replicas, resources: own.resources ?? values.defaults.resources, autoscaling, env: { ...values.env, ...own.env } };
}

function metadata(values: DeployValues, name: string, role: Role) {
  return { name, namespace: values.namespace, labels: { 'app.kubernetes.io/name': APP, 'app.kubernetes.io/component': role.name } };
}

/** What the role's process is told: its flags, after the script. */
function argumentsOf(values: DeployValues, role: Role): string[] {
  const registryUrl = `http://${APP}-registry:${REGISTRY_PORT}`;
  const listen = ['--host', '0.0.0.0', '--port', String(role.port)];
  if (role.name === 'gateway') return [...listen, '--registry', registryUrl, '--production'];
  if (role.name === 'registry') return [...listen, ...values.registryAdmins.flatMap((admin) => ['--admin', admin])];
  if (role.plugin) return [...role.args, ...listen, '--publish-to', registryUrl, '--routing-url', `http://${serviceName(role)}:${role.port}/graphql`];
  return role.args;
}

/** Plain values, then references into the Secret: a missing required key stops the pod from starting, by name. */
function environmentOf(values: DeployValues, role: Role, env: Record<string, string>, databases: string[]) {
  const secret = (name: string, optional = false, key = name) => ({ name, valueFrom: { secretKeyRef: { name: values.secretName, key, optional } } });
  // As the image sets them, stated again so that another image behaves the same (deploy/Dockerfile says why).
  const plain = Object.entries({ NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1', ...env }).map(([name, value]) => ({ name, value }));
  const signed = [secret('ENSEMBLE_SUBGRAPH_SECRET'), secret('ENSEMBLE_REGISTRY_TOKEN')];
  const byRole: { name: string; value?: string }[] =
    role.name === 'migrate'
      ? databases.map((name) => secret(name))
      : role.name === 'gateway'
        ? [...signed, secret('ENSEMBLE_API_TOKENS', true), secret('ENSEMBLE_JWT_KEY', true)]
        : role.name === 'registry'
          ? // Its own key: the publishers' tokens are not callers of the gateway.
            [secret('REGISTRY_DATABASE_URL'), secret('ENSEMBLE_API_TOKENS', false, 'REGISTRY_API_TOKENS')]
          : [
              ...signed,
              secret(role.databaseVariable!),
              ...(role.plugin?.settings ?? []).filter((setting) => setting.secret).map((setting) => secret(setting.name, true)),
              // Plugin writes check their entity through the gateway (kit/permissions/readableEntities.ts).
              { name: 'ENSEMBLE_GATEWAY_URL', value: `http://${APP}-gateway:${GATEWAY_PORT}/graphql` },
              ...gatewayNeeds(role, secret),
            ];
  return [...plain, ...(role.kind === 'service' ? [secret('ENSEMBLE_METRICS_TOKEN')] : []), ...byRole];
}

/** A plugin that reads the graph is told the gateway's in-cluster address, and its token from the Secret. */
function gatewayNeeds(role: Role, secret: (name: string, optional?: boolean) => { name: string }) {
  const need = role.plugin?.needs?.gateway;
  if (!need) return [];
  return [{ name: need.urlSetting, value: `http://${APP}-gateway:${GATEWAY_PORT}/graphql` }, secret(need.tokenSetting, true)];
}

function podSpec(values: DeployValues, role: Role, settings: ReturnType<typeof settingsOf>, databases: string[]) {
  const probe = (path: string, periodSeconds: number) => ({ httpGet: { path, port: 'http' }, periodSeconds, timeoutSeconds: 3, failureThreshold: 3 });
  return {
    securityContext: { runAsNonRoot: true, runAsUser: UID, runAsGroup: UID, fsGroup: UID, seccompProfile: { type: 'RuntimeDefault' } },
    // Shutdown drains requests for up to 20 s (bin/runtimeOptions.ts onShutdown).
    terminationGracePeriodSeconds: 30,
    ...(role.kind === 'job' ? { restartPolicy: 'OnFailure' } : {}),
    containers: [
      {
        name: role.name,
        image: values.image,
        imagePullPolicy: values.imagePullPolicy,
        args: [role.script, ...argumentsOf(values, role)],
        env: environmentOf(values, role, settings.env, databases),
        resources: settings.resources,
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        // tsx compiles into the temporary directory: the only place the process writes.
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        ...(role.port === undefined
          ? {}
          : {
              ports: [{ name: 'http', containerPort: role.port, protocol: 'TCP' }],
              startupProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
              // A gateway stays in its Service while one subgraph is down (it serves the rest): see readinessRoute.
              readinessProbe: probe(role.name === 'gateway' ? '/readyz?require=supergraph' : '/readyz', 5),
              livenessProbe: probe('/healthz', 10),
            }),
      },
    ],
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
  };
}

function migrationsJob(values: DeployValues, role: Role, databases: string[]): Manifest {
  // One Job per image: a Job's pod template cannot change, an upgrade brings a new one.
  const tag = (values.image.split(/[:@]/).slice(1).join('-') || 'latest').toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const name = `${serviceName(role)}-${tag}`.slice(0, 63).replace(/-+$/, '');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(values, name, role),
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 86_400,
      template: { metadata: { labels: metadata(values, name, role).labels }, spec: podSpec(values, role, settingsOf(values, role), databases) },
    },
  };
}

function serviceObjects(values: DeployValues, role: Role): Manifest[] {
  const name = serviceName(role);
  const settings = settingsOf(values, role);
  const labels = metadata(values, name, role).labels;
  const deployment: Manifest = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(values, name, role),
    spec: {
      replicas: Math.max(settings.replicas, settings.autoscaling.minReplicas),
      selector: { matchLabels: labels },
      // No request lost while replicas roll: one new ready before one old goes.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels,
          // Scrapers that read these annotations need ENSEMBLE_METRICS_TOKEN as their bearer token.
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(role.port), 'prometheus.io/path': '/metrics' },
        },
        spec: podSpec(values, role, settings, []),
      },
    },
  };
  const service: Manifest = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(values, name, role),
    spec: { selector: labels, ports: [{ name: 'http', port: role.port, targetPort: 'http', protocol: 'TCP' }] },
  };
  const autoscaler: Manifest = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(values, name, role),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: settings.autoscaling.minReplicas,
      maxReplicas: settings.autoscaling.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: settings.autoscaling.targetCPUUtilizationPercentage } } }],
    },
  };
  // A node drain takes one replica at a time, never the last ones together.
  const disruptionBudget: Manifest = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(values, name, role),
    spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
  };
  return [deployment, service, autoscaler, disruptionBudget];
}
