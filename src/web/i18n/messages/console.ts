/**
 * @module Strings of the console area.
 */
export const de = {} as const;

export const en: Record<keyof typeof de, string> = {};
