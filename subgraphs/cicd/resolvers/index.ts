import type { Resolvers } from '../generated/resolvers';
import { Entity } from './Entity';
import { Mutation } from './Mutation';
import { PipelineRun } from './PipelineRun';
import { PipelineRunConnection } from './PipelineRunConnection';
import { Query } from './Query';

export const resolvers: Resolvers = { Entity, PipelineRun, PipelineRunConnection, Query, Mutation };
