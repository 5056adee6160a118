import type { Resolvers } from '../generated/resolvers';
import { Entity } from './Entity';
import { Finding } from './Finding';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Entity, Finding, Query, Mutation };
