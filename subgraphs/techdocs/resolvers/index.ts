import type { Resolvers } from '../generated/resolvers';
import { DocSearchHit } from './DocSearchHit';
import { Documentation } from './Documentation';
import { Entity } from './Entity';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Entity, Documentation, DocSearchHit, Query, Mutation };
