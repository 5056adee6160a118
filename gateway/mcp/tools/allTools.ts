import type { McpTool } from '../McpTool';
import { applyDescriptorsTool } from './applyDescriptorsTool';
import { describeGraphTool } from './describeGraphTool';
import { entityRelationsTool } from './entityRelationsTool';
import { getEntitiesTool } from './getEntitiesTool';
import { groupOwnershipTool } from './groupOwnershipTool';
import { queryGraphTool } from './queryGraphTool';
import { refreshLocationTool } from './refreshLocationTool';
import { registerLocationTool } from './registerLocationTool';
import { searchCatalogTool } from './searchCatalogTool';
import { validateDescriptorsTool } from './validateDescriptorsTool';

/** Every tool, in the order an agent meets them. */
export const MCP_TOOLS: McpTool[] = [
  searchCatalogTool,
  getEntitiesTool,
  describeGraphTool,
  queryGraphTool,
  entityRelationsTool,
  groupOwnershipTool,
  validateDescriptorsTool,
  applyDescriptorsTool,
  registerLocationTool,
  refreshLocationTool,
];
