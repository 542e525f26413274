import { Scalar, type ScalarTag } from "yaml";

/**
 * The numbers of a scenario file written with an explicit tag, read as YAML 1.2's core schema reads
 * them. The yaml library resolves `!!float 60` only when the text has a point or an exponent (its
 * float patterns are the ones that tell an untagged float from an int), and otherwise keeps the text
 * "60" with a warning; in YAML 1.2 a `!!float` is any number of the core schema's float pattern,
 * where the fraction is optional, so `!!float 60` is the number 60. A tagged text that is not such a
 * number (`!!int 60.5`, `!!float sixty`) is an error that says why, rather than the text it was.
 * Untagged values are read exactly as before: these tags are used only for an explicit `!!float` or
 * `!!int`.
 */

/** YAML 1.2 core schema, 10.3.2: `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?` */
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const CORE_INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;
const CORE_DECIMAL = /^[-+]?[0-9]+$/;
const CORE_OCTAL = /^0o([0-7]+)$/;
const CORE_HEX = /^0x([0-9a-fA-F]+)$/;

/** A number with the format yaml's own tags give it (so a file written back keeps `1e3`, `0x1F`). */
function number(value: number, format?: string): Scalar {
  const scalar = new Scalar(value);
  if (format) scalar.format = format;
  return scalar;
}

const explicitFloat: ScalarTag = {
  tag: "tag:yaml.org,2002:float",
  resolve(text, onError) {
    if (CORE_FLOAT.test(text)) return number(Number(text), /[eE]/.test(text) ? "EXP" : undefined);
    if (CORE_INFINITY.test(text)) return text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (CORE_NAN.test(text)) return Number.NaN;
    onError(
      `the value is tagged !!float but ${JSON.stringify(text)} is not a number as YAML writes one (digits with an optional "." and exponent, e.g. 60, 60.5 or 6e1); write the number, or leave out the !!float tag`,
    );
    return text;
  },
};

const explicitInt: ScalarTag = {
  tag: "tag:yaml.org,2002:int",
  resolve(text, onError) {
    if (CORE_DECIMAL.test(text)) return Number(text);
    const octal = CORE_OCTAL.exec(text)?.[1];
    if (octal !== undefined) return number(Number.parseInt(octal, 8), "OCT");
    const hex = CORE_HEX.exec(text)?.[1];
    if (hex !== undefined) return number(Number.parseInt(hex, 16), "HEX");
    onError(
      `the value is tagged !!int but ${JSON.stringify(text)} is not a whole number as YAML writes one (digits, 0o17 or 0x1F)${CORE_FLOAT.test(text) ? "; write it without the !!int tag, or as !!float" : "; write the number, or leave out the !!int tag"}`,
    );
    return text;
  },
};

/** `customTags` for yaml's `parseDocument` when reading a scenario file. */
export const scenarioYamlTags: ScalarTag[] = [explicitFloat, explicitInt];

/** What each of YAML 1.2's core tags takes, for a tagged text that is not such a value. */
const CORE_TAG_VALUES: Readonly<Record<string, { is: string; write: string }>> = {
  "!!bool": { is: "true or false", write: "true or false" },
  "!!null": { is: "null (null, ~ or nothing)", write: "null" },
};

/**
 * The message for a tag no scenario file uses (`!!timestamp 2025-01`, `!money 60`), or for a core
 * tag on a text that is not its kind of value (`!!bool yes`: YAML 1.2 reads only true and false).
 */
export function unknownTagMessage(tag: string, value?: string): string {
  const takes = CORE_TAG_VALUES[tag];
  if (takes !== undefined && value !== undefined) {
    return `the value is tagged ${tag} but ${JSON.stringify(value)} is not ${takes.is}; write ${takes.write}, or leave out the ${tag} tag`;
  }
  return `the value is tagged ${tag}, which a scenario file does not use; allowed: no tag, or !!str, !!int, !!float, !!bool, !!null`;
}
