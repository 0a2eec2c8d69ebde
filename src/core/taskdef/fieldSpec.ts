/**
 * The shape of one entry in the task-definition field catalogue (fields.ts), plus small builders
 * that keep the catalogue readable. The validator reads types, enums, ranges and patterns from the
 * catalogue; the editor's JSON Schema is generated from the same entries.
 */
export type FieldSpec =
  | {
      kind: 'string';
      description: string;
      enum?: readonly string[];
      pattern?: string;
      minLength?: number;
      maxLength?: number;
      default?: string;
      examples?: string[];
    }
  | { kind: 'integer'; description: string; minimum?: number; maximum?: number; default?: number }
  | { kind: 'boolean'; description: string; default?: boolean }
  | { kind: 'cpuOrMemory'; description: string }
  | {
      kind: 'object';
      description: string;
      properties: Record<string, FieldSpec>;
      required?: readonly string[];
      additionalProperties?: FieldSpec | boolean;
    }
  | { kind: 'array'; description: string; items: FieldSpec; minItems?: number; maxItems?: number };

export type ObjectSpec = Extract<FieldSpec, { kind: 'object' }>;
export type StringSpec = Extract<FieldSpec, { kind: 'string' }>;
export type IntegerSpec = Extract<FieldSpec, { kind: 'integer' }>;
export type ArraySpec = Extract<FieldSpec, { kind: 'array' }>;

export const str = (description: string, extra: Omit<StringSpec, 'kind' | 'description'> = {}): StringSpec => ({
  kind: 'string',
  description,
  ...extra,
});

export const int = (description: string, extra: Omit<IntegerSpec, 'kind' | 'description'> = {}): IntegerSpec => ({
  kind: 'integer',
  description,
  ...extra,
});

export const bool = (description: string, dflt?: boolean): FieldSpec =>
  dflt === undefined ? { kind: 'boolean', description } : { kind: 'boolean', description, default: dflt };

export const obj = (
  description: string,
  properties: Record<string, FieldSpec>,
  required?: readonly string[],
): ObjectSpec => (required ? { kind: 'object', description, properties, required, additionalProperties: false } : { kind: 'object', description, properties, additionalProperties: false });

export const arr = (description: string, items: FieldSpec, maxItems?: number): ArraySpec =>
  maxItems === undefined ? { kind: 'array', description, items } : { kind: 'array', description, items, maxItems };

/** A string-to-string map such as dockerLabels or log driver options. */
export const stringMap = (description: string, valueDescription: string): ObjectSpec => ({
  kind: 'object',
  description,
  properties: {},
  additionalProperties: { kind: 'string', description: valueDescription },
});

/** `{ name, value }` pairs (environment variables, proxy properties). */
export const keyValueList = (description: string, nameDesc: string, valueDesc: string): ArraySpec =>
  arr(description, obj('One name/value pair.', { name: str(nameDesc), value: str(valueDesc) }));

/** Letters, digits, hyphens and underscores, 1-255 characters: family, container and volume names. */
export const NAME_PATTERN = '^[A-Za-z0-9_-]{1,255}$';
