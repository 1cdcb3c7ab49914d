/**
 * @module One error type with stable codes. The web layer maps a code to an HTTP status in one
 * place; field errors carry a message key (translated for the reader) and the field's path.
 *
 * @example
 * throw validationError([{ path: 'components[0].status', key: 'error.invalidValue' }]);
 */

export const errorStatus = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** Where the problem is: `title_de`, `components[2].status`, `components[3].dependsOn`. */
  path: string;
  /** Message key in the i18n catalogs (`error.required`, `error.unknownComponent`, …). */
  key: string;
  params?: Record<string, string | number>;
}

export class DialtoneError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  /** Message key for the whole error, translated for the reader. */
  readonly key: string;
  readonly params: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    key: string,
    options: { fields?: FieldError[]; params?: Record<string, string | number> } = {},
  ) {
    super(
      `${code}: ${key}${options.fields?.length ? ` (${options.fields.map((f) => f.path).join(', ')})` : ''}`,
    );
    this.name = 'DialtoneError';
    this.code = code;
    this.key = key;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
  }
}

export const validationError = (fields: FieldError[]) =>
  new DialtoneError('validation_failed', 'error.validationFailed', { fields });
export const notFound = (what: string, id: string) =>
  new DialtoneError('not_found', 'error.notFound', { params: { what, id } });
export const conflict = (key: string, params?: Record<string, string | number>) =>
  new DialtoneError('conflict', key, params ? { params } : {});
export const forbidden = () => new DialtoneError('forbidden', 'error.forbidden');

export const isDialtoneError = (e: unknown): e is DialtoneError => e instanceof DialtoneError;
