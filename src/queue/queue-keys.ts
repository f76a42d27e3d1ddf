/*
 * Where a queue sweep lives in Redis. BullMQ keeps a sweep's batches under `detente:<queue>:*`;
 * the registry lists the sweeps in progress so that a worker, given only the server, finds them.
 */
export const PREFIX = 'detente';
export const REGISTRY = 'detente:sweeps';

/** The queue of a sweep, named by its hash: two sweeps never share one, the same sweep always does. */
export const queueName = (sweepHash: string) => `sweep-${sweepHash.slice(0, 16)}`;

/** A registered sweep's details: name, planned and stored runs, and the context its batches share. */
export const sweepKey = (queue: string) => `detente:registry:${queue}`;

/** Held by the one gatherer of a sweep, with a lifetime it keeps renewing. */
export const gathererKey = (queue: string) => `detente:gatherer:${queue}`;
