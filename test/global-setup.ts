// Builds the CLI bundle once, so CLI tests running in parallel never race to rebuild it.
import { buildCli } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
