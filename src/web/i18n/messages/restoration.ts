/**
 * @module Strings of the restoration area (German reference, English with the same keys).
 */
export const de = {} as const;

export const en: Record<keyof typeof de, string> = {};
