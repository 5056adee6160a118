import { z } from 'zod';

/** Kubernetes quantities as the manifests take them: `250m`, `1`, `512Mi`, `1Gi`. */
const quantity = z.string().regex(/^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti)?$/, 'a Kubernetes quantity such as 250m, 1, 512Mi or 1Gi').max(16);
const resources = z.strictObject({
  requests: z.strictObject({ cpu: quantity, memory: quantity }),
  limits: z.strictObject({ cpu: quantity, memory: quantity }),
});
const autoscaling = z.strictObject({
  minReplicas: z.number().int().min(1).max(100),
  maxReplicas: z.number().int().min(1).max(100),
  targetCPUUtilizationPercentage: z.number().int().min(10).max(100),
});
/** A plain environment value: names as the plugins declare them; secrets come from the Secret, never from here. */
const environment = z.record(z.string().regex(/^[A-Z][A-Z0-9_]{0,99}$/), z.string().max(4_096));
const role = z.strictObject({
  replicas: z.number().int().min(1).max(100).optional(),
  resources: resources.optional(),
  autoscaling: autoscaling.optional(),
  env: environment.optional(),
});

/** deploy/kubernetes/values.yaml: what an operator sets; everything else follows from the code's roles. */
export const deployValuesSchema = z.strictObject({
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a DNS label'),
  image: z.string().regex(/^[\w./:@-]{1,255}$/, 'an image reference such as registry.example.com/ensemble:1.2.3'),
  imagePullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']),
  /** The Secret the operator creates with ENSEMBLE_* secrets and database URLs (docs/operations.md). */
  secretName: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a DNS label'),
  /** Who may publish any subgraph and roll back, in the registry (its --admin). */
  registryAdmins: z.array(z.string().regex(/^(user|group):[\w.-]+\/[\w.-]+$/, 'a user or group ref')).min(1).max(20),
  defaults: z.strictObject({ replicas: z.number().int().min(1).max(100), resources, autoscaling }),
  /** Per role (gateway, registry, migrate, or a subgraph's name): overrides of the defaults. */
  roles: z.record(z.string().regex(/^[a-z][a-z0-9]*$/), role).default({}),
  /** Plain variables for every container (NODE_ENV is always production). */
  env: environment.default({}),
});

export type DeployValues = z.infer<typeof deployValuesSchema>;

/** Reads values, naming the first wrong field in the error. */
export function parseDeployValues(input: unknown): DeployValues {
  const parsed = deployValuesSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`Deploy values: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
