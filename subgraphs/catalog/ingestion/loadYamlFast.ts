import jsyaml from 'js-yaml';

/**
 * A fast path for the common descriptor file. The `yaml` package builds a full document
 * model before `toJS`, which made YAML the largest cost of reading a big catalog; js-yaml
 * builds plain values directly, about five times faster. It is only used where both give
 * the same values: plain scalars resolve by the `yaml` package's own YAML 1.2 core rules
 * (copied below), and anything the two treat differently (anchors and aliases, whose
 * expansion `yaml` caps; tags; directives; merge keys; complex, collection or null keys)
 * is left to `yaml`. So is any file js-yaml refuses, so that error messages stay `yaml`'s.
 */

const scalar = (tag: string, kind: string, rules: [RegExp, (text: string) => unknown][]) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => rules.some(([test]) => test.test(text ?? '')),
    construct: (text: string | null) => {
      const value = text ?? '';
      const rule = rules.find(([test]) => test.test(value));
      if (!rule) throw new Error(`not a YAML 1.2 core ${kind}: ${value}`);
      return rule[1](value);
    },
  });

// yaml/dist/schema/core/*.js and common/null.js, in that schema's order.
const CORE_AS_YAML = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', 'null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', 'boolean', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T']]),
    scalar('int', 'integer', [
      [/^0o[0-7]+$/, (text) => parseInt(text.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.substring(2), 16)],
    ]),
    scalar('float', 'float', [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) =>
        text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
    ]),
  ],
});

/** Text the fast path must leave to `yaml`: a false alarm only costs speed. */
const NEEDS_FULL_PARSER = [
  /(^|[\s[\]{},:])[&*!]/m, // an anchor, an alias or a tag
  /^%/m, // a directive (`%YAML 1.1` changes the schema)
  /<</, // a merge key
  /(^|[\s[{,])\?(\s|$)/m, // an explicit (complex) key
  /[\]}][ \t]*:(\s|$)/m, // a flow collection used as a key
  /(^|[\s[{,])(~|null|Null|NULL)?[ \t]*:(\s|$)/m, // a null key, which `yaml` names "" and js-yaml "null"
];

/**
 * The documents of `text` as plain values, or undefined when only the `yaml` package
 * should read it. Empty documents are left out.
 */
export function loadYamlFast(text: string): unknown[] | undefined {
  if (NEEDS_FULL_PARSER.some((pattern) => pattern.test(text))) return undefined;
  try {
    return jsyaml.loadAll(text, undefined, { schema: CORE_AS_YAML }).filter((value) => value !== null && value !== undefined);
  } catch {
    return undefined;
  }
}
