/**
 * @module Heartbeat token shape, shared by recordHeartbeatPing (which rejects anything else
 * early) and rotateHeartbeatToken (which issues it). dialtone keeps only the token's SHA-256.
 */

/** Prefix that makes a leaked heartbeat token recognisable (secret scanners, logs). */
export const heartbeatTokenPrefix = 'dthb_';
