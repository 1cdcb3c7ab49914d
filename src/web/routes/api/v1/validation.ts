/**
 * @module Request validation for /api/v1 with TypeBox's compiler, in place of Fastify's default Ajv
 * setup for this scope. Why: that setup strips unknown fields silently (a misspelt `visibility`
 * would publish an internal note) and stops at the first error. Here unknown fields are refused,
 * the problems are reported together (TypeBox collects at most eight per request, its guard
 * against costly diagnostics) with their paths in the API's own names, and the result is a
 * `DialtoneError` the shared error handler renders in the reader's language.
 *
 * Query strings and path parameters arrive as text: whole numbers are converted where the schema
 * asks for an integer (`page=2`), nothing else (`page=2.5` is refused, not rounded).
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';

/** One schema error may name many fields (unknown properties): bound the answer's size. */
const maxFieldErrors = 50;

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

interface ObjectSchema {
  type?: string;
  properties?: Record<string, ObjectSchema>;
  items?: ObjectSchema;
  maxItems?: number;
}

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = Compile(schema);
  const textual = httpPart === 'querystring' || httpPart === 'params';
  return (data: unknown) => {
    const value = textual ? convertIntegers(schema as ObjectSchema, data) : data;
    if (validator.Check(value)) return { value };
    const tooLong: FieldError[] = [];
    const errors = validator.Errors(prune(schema as ObjectSchema, value, '', tooLong)) as SchemaError[];
    return { error: validationFailure(errors, value, tooLong) };
  };
};

/** Turns TypeBox's errors into one validation error with a field per problem. */
export function validationFailure(
  errors: readonly SchemaError[],
  data: unknown,
  known: readonly FieldError[] = [],
): DialtoneError {
  const fields: FieldError[] = [...known];
  const seen = new Set<string>();
  // A failed `anyOf` also reports each alternative's failure at the same path: keep one message.
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    if (unionPaths.has(e.instancePath) && e.keyword !== 'anyOf') continue;
    for (const field of fieldErrorsOf(e, data)) {
      const key = `${field.path}|${field.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fields.push(field);
    }
    if (fields.length >= maxFieldErrors) break;
  }
  return new DialtoneError('validation_failed', 'error.validationFailed', {
    fields: fields.slice(0, maxFieldErrors),
  });
}

function fieldErrorsOf(e: SchemaError, data: unknown): FieldError[] {
  const path = toFieldPath(e.instancePath);
  const p = e.params;
  const child = (name: string) => (path ? `${path}.${name}` : name);
  switch (e.keyword) {
    case 'required':
      return list(p.requiredProperties).map((name) => ({ path: child(name), key: 'error.required' }));
    case 'additionalProperties':
      return list(p.additionalProperties).map((name) => ({ path: child(name), key: 'error.unknownField' }));
    case 'boolean':
      // `additionalProperties: false` reports each extra property twice; the case above covers it.
      return [];
    case 'type':
      return [{ path, key: 'error.invalidType', params: { expected: String(p.type) } }];
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? list(p.allowedValues) : [String(p.allowedValue)];
      return [
        {
          path,
          key: 'api.error.notOneOf',
          params: { value: shown(data, e.instancePath), values: allowed.join(', ') },
        },
      ];
    }
    case 'minLength': {
      const min = Number(p.limit);
      return [min <= 1 ? { path, key: 'error.required' } : { path, key: 'error.tooShort', params: { min } }];
    }
    case 'maxLength':
      return [{ path, key: 'error.tooLong', params: { max: Number(p.limit) } }];
    case 'minItems':
      return [{ path, key: 'api.error.minItems', params: { min: Number(p.limit) } }];
    case 'maxItems':
      return [{ path, key: 'api.error.maxItems', params: { max: Number(p.limit) } }];
    case 'minimum':
    case 'exclusiveMinimum':
      return [{ path, key: 'api.error.minimum', params: { min: Number(p.limit) } }];
    case 'maximum':
    case 'exclusiveMaximum':
      return [{ path, key: 'api.error.maximum', params: { max: Number(p.limit) } }];
    case 'format':
      return [{ path, key: p.format === 'date-time' ? 'error.invalidDate' : 'api.error.pattern' }];
    case 'pattern':
      return [{ path, key: 'api.error.pattern' }];
    default:
      return [{ path, key: 'error.invalidValue', params: { value: shown(data, e.instancePath) } }];
  }
}

/** `/components/0/component_id` → `components[0].component_id` (the paths the API documents). */
export function toFieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

/** The offending value for the message, short: a 1 MiB string is not echoed back. */
function shown(data: unknown, pointer: string): string {
  let v: unknown = data;
  for (const s of pointer.split('/').slice(1)) {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Cuts lists longer than their schema allows to the limit, noting the excess as a field error,
 * before TypeBox collects errors: collecting walks the whole value, and a 1 MiB list of 300 000
 * bad items would otherwise cost seconds (Check alone stops at the first fault).
 */
function prune(
  schema: ObjectSchema | undefined,
  data: unknown,
  path: string,
  tooLong: FieldError[],
): unknown {
  if (!schema || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    let kept = data;
    if (schema.maxItems !== undefined && data.length > schema.maxItems) {
      tooLong.push({ path, key: 'api.error.maxItems', params: { max: schema.maxItems } });
      kept = data.slice(0, schema.maxItems);
    }
    return kept.map((item, i) => prune(schema.items, item, `${path}[${i}]`, tooLong));
  }
  if (!schema.properties) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (Object.hasOwn(out, name))
      out[name] = prune(prop, out[name], path ? `${path}.${name}` : name, tooLong);
  }
  return out;
}

function convertIntegers(schema: ObjectSchema, data: unknown): unknown {
  if (!schema.properties || data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [name, prop] of Object.entries(schema.properties)) {
    const v = out[name];
    if (prop.type === 'integer' && typeof v === 'string' && /^-?\d{1,15}$/.test(v)) out[name] = Number(v);
  }
  return out;
}
