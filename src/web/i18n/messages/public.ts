/**
 * @module Strings of the public area.
 */
export const de = {} as const;

export const en: Record<keyof typeof de, string> = {};
