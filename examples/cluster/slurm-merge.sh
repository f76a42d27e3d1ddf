#!/usr/bin/env bash
# Joins the shards' parts into one store and summarizes it. Submit it to run after the array job:
#   sbatch --dependency=afterok:<array job id> examples/cluster/slurm-merge.sh
# If some shards are missing, it says which; run them (sbatch --array=<i> slurm-sweep.sh) and merge
# again: runs already merged are kept, identical duplicates counted once.
#SBATCH --job-name=detente-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=4G
#SBATCH --time=00:30:00
#SBATCH --output=detente-merge-%j.log
set -euo pipefail

PARTS=${PARTS:-reports/sweeps/receptivity-access/parts}
OUT=${OUT:-reports/sweeps/receptivity-access}
DETENTE=${DETENTE:-npx detente}

$DETENTE sweep merge "$PARTS" --out "$OUT"
# --force: a merge run again (after a failed shard is resubmitted) replaces the earlier summary
$DETENTE sweep summarize "$OUT" --report --force
