#!/usr/bin/env bash
# One shard of a sweep per Slurm array task. Submit the shards, then the merge once all succeed:
#
#   jobid=$(sbatch --parsable examples/cluster/slurm-sweep.sh)
#   sbatch --dependency=afterok:"$jobid" examples/cluster/slurm-merge.sh
#
# The shard count is the array's size, so changing --array is all it takes to use more shards.
# A task that fails or is requeued resumes its own part file when it runs again.
#SBATCH --job-name=detente-sweep
#SBATCH --array=0-15
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=detente-sweep-%A_%a.log
set -euo pipefail

SPEC=${SPEC:-scenarios/sweeps/receptivity-access.yaml}  # the sweep spec
PARTS=${PARTS:-reports/sweeps/receptivity-access/parts} # a folder every node can write (shared filesystem)
DETENTE=${DETENTE:-npx detente}                          # how to run detente on the nodes

$DETENTE sweep "$SPEC" \
  --shard "${SLURM_ARRAY_TASK_ID:?run me with sbatch}/${SLURM_ARRAY_TASK_COUNT:?run me with sbatch}" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$PARTS"
