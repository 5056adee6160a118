-- The default checks every installation starts with (data, not schema: edit or remove
-- them with the `defineCheck` and `removeCheck` mutations; later migrations never put
-- back a check someone removed).
INSERT INTO "checks" ("id", "name", "description", "level", "rule", "params", "applies_to", "updated_at") VALUES
('has-owner', 'Has an owner', 'A group or user in the catalog owns it, so someone answers for it.', 'bronze', 'hasOwner', '{}', ARRAY['component', 'api', 'resource', 'system'], CURRENT_TIMESTAMP),
('lifecycle-set', 'Lifecycle set', 'Its spec.lifecycle says where it stands (production, experimental, deprecated...).', 'bronze', 'lifecycle', '{}', ARRAY['component', 'api'], CURRENT_TIMESTAMP),
('part-of-system', 'Part of a system', 'It belongs to a system, so it shows up where its neighbours are.', 'bronze', 'hasSystem', '{}', ARRAY['component', 'api', 'resource'], CURRENT_TIMESTAMP),
('has-docs', 'Has docs', 'TechDocs has published at least one page of documentation for it.', 'silver', 'hasDocs', '{"minPages": 1}', ARRAY['component'], CURRENT_TIMESTAMP),
('ci-passing', 'CI passing on the default branch', 'The last finished CI run on the default branch succeeded.', 'silver', 'ciPassing', '{}', ARRAY['component'], CURRENT_TIMESTAMP),
('no-open-critical-vulnerabilities', 'No open critical vulnerabilities', 'No critical vulnerability finding is open.', 'silver', 'vulnerabilityLimit', '{"severity": "critical", "max": 0}', ARRAY['component'], CURRENT_TIMESTAMP),
('no-open-high-vulnerabilities', 'No open high vulnerabilities', 'No high or critical vulnerability finding is open.', 'gold', 'vulnerabilityLimit', '{"severity": "high", "max": 0}', ARRAY['component'], CURRENT_TIMESTAMP),
('build-success-rate', 'Builds succeed', 'At least 90% of the CI runs of the last 30 days that finished succeeded.', 'gold', 'buildSuccessRate', '{"min": 0.9}', ARRAY['component'], CURRENT_TIMESTAMP);
