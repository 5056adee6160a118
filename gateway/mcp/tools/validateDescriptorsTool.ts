import { defineTool } from '../McpTool';
import { applyYaml, yamlInput } from '../applyYaml';

export const validateDescriptorsTool = defineTool({
  name: 'validate_descriptors',
  title: 'Validate descriptor YAML',
  description: `Checks catalog descriptor YAML (catalog-info.yaml, one or more documents) with the catalog's own rules, as a dry run: nothing is stored.
Valid: the refs it defines and the relations it implies. Invalid: an error naming each problem and the entity it concerns; fix the YAML and call again.`,
  write: false,
  inputSchema: { yaml: yamlInput },
  async run({ yaml }, graph) {
    return applyYaml(graph, yaml, true);
  },
});
