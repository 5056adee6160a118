/**
 * The scaffolder's Template kind (plugins/scaffolder-common,
 * Template.v1beta3.schema.json, latest shape). Only
 * scaffolder.backstage.io/v1beta3 is accepted: older Template versions are no
 * longer processed by Backstage.
 */
import { type JsonSchema, kindSchema, nonEmptyString } from './kindSchema';

const str: JsonSchema = { type: 'string' };
const obj: JsonSchema = { type: 'object' };

// Permission tags that can guard a parameter page or a step.
const permissions: JsonSchema = {
  type: 'object',
  properties: { tags: { type: 'array', items: str } },
};

const parameterForm: JsonSchema = {
  type: 'object',
  properties: { 'backstage:permissions': permissions },
};

const step: JsonSchema = {
  type: 'object',
  required: ['action'],
  properties: {
    id: str,
    name: str,
    action: str,
    input: obj,
    if: { type: ['string', 'boolean'] },
    'backstage:permissions': permissions,
  },
};

const output: JsonSchema = {
  type: 'object',
  properties: {
    links: {
      type: 'array',
      items: {
        type: 'object',
        required: [],
        properties: {
          url: nonEmptyString,
          entityRef: nonEmptyString,
          title: nonEmptyString,
          icon: nonEmptyString,
        },
      },
    },
    text: {
      type: 'array',
      items: {
        type: 'object',
        required: [],
        properties: { title: nonEmptyString, icon: nonEmptyString, content: str },
      },
    },
  },
  // Every other output value is a templated string.
  additionalProperties: str,
};

export const TEMPLATE_SCHEMA = kindSchema('TemplateV1beta3', 'Template', ['scaffolder.backstage.io/v1beta3'], {
  required: ['type', 'steps'],
  properties: {
    type: nonEmptyString,
    owner: nonEmptyString,
    lifecycle: nonEmptyString,
    // One form, or a list of forms shown as separate pages.
    parameters: { oneOf: [parameterForm, { type: 'array', items: parameterForm }] },
    secrets: { type: 'object', properties: { schema: obj } },
    presentation: {
      type: 'object',
      properties: {
        buttonLabels: {
          type: 'object',
          properties: { backButtonText: str, createButtonText: str, reviewButtonText: str },
        },
      },
    },
    EXPERIMENTAL_recovery: { type: 'object', properties: { EXPERIMENTAL_strategy: str } },
    EXPERIMENTAL_formDecorators: {
      type: 'array',
      items: { type: 'object', properties: { id: str, input: obj } },
    },
    steps: { type: 'array', items: step },
    output,
  },
});
