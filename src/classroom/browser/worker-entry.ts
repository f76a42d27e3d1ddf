/*
 * The classroom workers' script: the engine and the scenario composer. The page keeps it as
 * text and starts workers from a blob: URL of it, so nothing is fetched.
 */
import { startWorker } from './worker-main.ts';

startWorker();
