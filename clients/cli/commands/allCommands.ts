import { applyCommand } from './apply';
import type { Command } from './command';
import { getCommand } from './get';
import { helpCommand } from './help';
import { listCommand } from './list';
import { locationsCommand } from './locations';
import { mcpCommand } from './mcp';
import { queryCommand } from './query';
import { relationsCommand } from './relations';
import { schemaCommand } from './schema';
import { searchCommand } from './search';

/** Every command, in the order help lists them. */
export const COMMANDS: Command[] = [
  getCommand,
  listCommand,
  searchCommand,
  relationsCommand,
  applyCommand,
  locationsCommand,
  queryCommand,
  schemaCommand,
  mcpCommand,
  helpCommand(() => COMMANDS),
];
