/**
 * @module Strings of the telemetry area (German reference, English with the same keys).
 */
export const de = {} as const;

export const en: Record<keyof typeof de, string> = {};
