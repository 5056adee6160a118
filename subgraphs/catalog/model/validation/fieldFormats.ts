/**
 * Backstage's FieldFormatEntityPolicy with Backstage's own predicates (makeValidator);
 * only its message table is written here, because the policy is async and ingestion
 * is not. It checks the format of apiVersion, kind,
 * metadata.name/namespace, label and annotation keys and values, tags and
 * links. Runs after the envelope schema passed, so the field types are known.
 *
 * Backstage throws on the first bad field; we collect every bad field in the
 * same order, so the first message is the one Backstage would show.
 */
import { CommonValidatorFunctions, makeValidator } from '@backstage/catalog-model';
import type { Entity } from '../entityTypes';

type FieldValidator = (value: unknown) => boolean;

// Backstage's own predicates: the default set FieldFormatEntityPolicy uses.
const validators = makeValidator() as unknown as Record<string, FieldValidator>;
const isValidUrl: FieldValidator = (value) => CommonValidatorFunctions.isValidUrl(value);
const isNonEmptyString: FieldValidator = (value) => CommonValidatorFunctions.isNonEmptyString(value);

const DOCS_HINT =
  'To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md';

// Backstage picks these texts by validator name; we pair them explicitly.
const OBJECT_NAME_TEXT =
  'a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total';
const PREFIX_SUFFIX_TEXT = 'a valid prefix and/or suffix';
const DNS_LABEL_TEXT =
  'a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total';
const TAG_TEXT =
  'a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total';
const KIND_TEXT =
  'a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total';

interface Rule {
  isValid: FieldValidator;
  expectation: string;
}

const RULES = {
  apiVersion: { isValid: validators.isValidApiVersion, expectation: PREFIX_SUFFIX_TEXT },
  kind: { isValid: validators.isValidKind, expectation: KIND_TEXT },
  name: { isValid: validators.isValidEntityName, expectation: OBJECT_NAME_TEXT },
  namespace: { isValid: validators.isValidNamespace, expectation: DNS_LABEL_TEXT },
  labelKey: { isValid: validators.isValidLabelKey, expectation: PREFIX_SUFFIX_TEXT },
  labelValue: { isValid: validators.isValidLabelValue, expectation: OBJECT_NAME_TEXT },
  annotationKey: { isValid: validators.isValidAnnotationKey, expectation: PREFIX_SUFFIX_TEXT },
  annotationValue: { isValid: validators.isValidAnnotationValue, expectation: 'a string' },
  tag: { isValid: validators.isValidTag, expectation: TAG_TEXT },
  url: { isValid: isValidUrl, expectation: 'a string that is a valid url' },
  nonEmpty: { isValid: isNonEmptyString, expectation: 'a non empty string' },
} satisfies Record<string, Rule>;

/** Backstage's message for one invalid field. */
export function invalidFieldMessage(field: string, value: unknown, expectation: string): string {
  return `"${field}" is not valid; expected ${expectation} but found "${String(value)}". ${DOCS_HINT}`;
}

/** Every field-format violation of the entity, in Backstage's checking order. */
export function checkFieldFormats(entity: Entity): string[] {
  const errors: string[] = [];

  const require = (field: string, value: unknown, rule: Rule): void => {
    if (value === undefined || value === null) {
      errors.push(`${field} must have a value`);
    } else if (!rule.isValid(value)) {
      errors.push(invalidFieldMessage(field, value, rule.expectation));
    }
  };
  const optional = (field: string, value: unknown, rule: Rule): void => {
    if (value !== undefined) require(field, value, rule);
  };

  const { metadata } = entity;
  require('apiVersion', entity.apiVersion, RULES.apiVersion);
  require('kind', entity.kind, RULES.kind);
  require('metadata.name', metadata.name, RULES.name);
  optional('metadata.namespace', metadata.namespace, RULES.namespace);

  for (const [key, value] of Object.entries(metadata.labels ?? {})) {
    require(`labels.${key}`, key, RULES.labelKey);
    require(`labels.${key}`, value, RULES.labelValue);
  }
  for (const [key, value] of Object.entries(metadata.annotations ?? {})) {
    require(`annotations.${key}`, key, RULES.annotationKey);
    require(`annotations.${key}`, value, RULES.annotationValue);
  }
  (metadata.tags ?? []).forEach((tag, i) => require(`tags.${i}`, tag, RULES.tag));
  (metadata.links ?? []).forEach((link, i) => {
    require(`links.${i}.url`, link?.url, RULES.url);
    optional(`links.${i}.title`, link?.title, RULES.nonEmpty);
    optional(`links.${i}.icon`, link?.icon, RULES.nonEmpty);
  });

  return errors;
}
