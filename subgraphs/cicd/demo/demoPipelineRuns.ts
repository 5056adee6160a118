import { createHash } from 'node:crypto';
import type { PipelineRunInput } from '../data/recordPipelineRun';

/** Components of the demo catalog (demo/catalog) that have CI pipelines. */
const DEMO_COMPONENTS = [
  'web-shop', 'finch-ui', 'mobile-bff', 'catalog-service', 'search-service', 'recommendation-engine',
  'checkout-service', 'payment-gateway', 'legacy-checkout', 'money-kit', 'inventory-service',
  'pick-pack-app', 'shipping-service', 'carrier-adapters', 'account-service', 'notification-service',
];
const PIPELINES = ['build', 'deploy'];
const RUNS_PER_PIPELINE = 8;
const HOUR = 3_600_000;

/**
 * Demo pipeline runs for the demo catalog: made up, but stable (derived from a hash of
 * the component and run number, so every start shows the same history) and laid out
 * backwards from `now`, so the newest run is recent. `externalId`s make re-seeding a no-op.
 * `build` runs name their entity by ref, as a CI script calling the mutation would;
 * `deploy` runs name only the repository, as GitHub's webhook does, and reach their
 * component through its `github.com/project-slug` annotation.
 */
export function demoPipelineRuns(now: Date): PipelineRunInput[] {
  return DEMO_COMPONENTS.flatMap((component) =>
    PIPELINES.flatMap((pipeline) =>
      Array.from({ length: RUNS_PER_PIPELINE }, (_, index) => {
        const dice = createHash('sha256').update(`${component}/${pipeline}/${index}`).digest();
        const startedAt = new Date(now.getTime() - (index * 26 + dice[0] / 16) * HOUR);
        const durationSeconds = 90 + dice[1] * 3;
        // Roughly one run in six fails; legacy-checkout, being deprecated, fails more.
        const failed = dice[2] < (component === 'legacy-checkout' ? 128 : 42);
        return {
          ...(pipeline === 'build'
            ? { entityRef: `component:default/${component}` }
            : { projectSlug: `harbor-and-finch/${component}` }),
          pipeline,
          status: failed ? 'failed' : 'succeeded',
          commitSha: dice.subarray(4, 24).toString('hex'),
          branch: 'main',
          url: `https://ci.example.com/harbor-and-finch/${component}/actions/runs/${1000 + index}`,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date(startedAt.getTime() + durationSeconds * 1000).toISOString(),
          externalId: `demo:${component}:${pipeline}:${index}`,
        };
      }),
    ),
  );
}
