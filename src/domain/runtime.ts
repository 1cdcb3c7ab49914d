/**
 * @module What the domain and services get injected instead of reaching for globals: the clock
 * and the id generator. Tests pass a fixed clock and counting ids; production passes real ones.
 */

/** Returns the current instant. */
export type Clock = () => Date;

/** Returns a new, unique, time-sortable id (lexicographic order = creation order). */
export type IdGenerator = () => string;

export const isoTime = (d: Date): string => d.toISOString();
