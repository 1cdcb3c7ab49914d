/**
 * @module Strings of the api area.
 */
export const de = {} as const;

export const en: Record<keyof typeof de, string> = {};
