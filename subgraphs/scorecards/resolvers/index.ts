import { JSONScalar } from '../../../kit';
import type { Resolvers } from '../generated/resolvers';
import { Check } from './Check';
import { Entity } from './Entity';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Scorecard } from './Scorecard';
import { ScorecardRollup } from './ScorecardRollup';

export const resolvers: Resolvers = { JSON: JSONScalar, Entity, Check, Scorecard, ScorecardRollup, Query, Mutation };
