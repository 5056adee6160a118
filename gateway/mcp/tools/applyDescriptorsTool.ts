import { defineTool } from '../McpTool';
import { applyYaml, yamlInput } from '../applyYaml';

export const applyDescriptorsTool = defineTool({
  name: 'apply_descriptors',
  title: 'Apply descriptor YAML',
  description: `Stores catalog descriptors (one or more YAML documents) at once, all or nothing, with the same rules as validate_descriptors (run that first).
Entities that a registered location provides cannot be written here: change their file and use refresh_location. Needs permission to create entities.`,
  write: true,
  inputSchema: { yaml: yamlInput },
  async run({ yaml }, graph) {
    return applyYaml(graph, yaml, false);
  },
});
