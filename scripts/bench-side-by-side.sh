#!/usr/bin/env bash
# Compares the fleets' work (`regionsim bench fleets`, running ahead, one thread) of this tree and another
# checkout, run at the same time rather than one after the other: on a shared machine both runs of a pair
# then meet the same neighbours, and the ratio of their processor times varies by a few per cent where
# runs taken in turn vary by a quarter. Each run has one GC heap (workstation GC), so that the two share the
# two cores evenly.
#
#   scripts/bench-side-by-side.sh <other checkout> [pairs, default 8]
#
# Builds both in Release first. Prints each pair and the median of "this tree's CPU ÷ the other's".
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
other="$(cd "${1:?usage: $0 <other checkout> [pairs]}" && pwd)"
pairs="${2:-8}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

for tree in "$here" "$other"; do
  if ! dotnet build -c Release "$tree/Client" -v quiet -nologo >"$out/build.txt" 2>&1; then
    echo "$tree/Client does not build:" >&2
    grep -E "error|Error" "$out/build.txt" | head -20 >&2
    exit 1
  fi
done

# The "ahead" row of bench fleets' table: | fleets | threads | calls | wall | CPU | GC pause | allocated |
cpu_of() { awk -F'│' '$2 ~ /ahead/ { split($6, cpu, " "); print cpu[1] }' "$1"; }

for i in $(seq "$pairs"); do
  (cd "$here" && DOTNET_gcServer=0 dotnet Client/bin/Release/net10.0/regionsim.dll bench fleets --threads 1 >"$out/this.txt" 2>&1) &
  (cd "$other" && DOTNET_gcServer=0 dotnet Client/bin/Release/net10.0/regionsim.dll bench fleets --threads 1 >"$out/other.txt" 2>&1) &
  wait
  this_cpu="$(cpu_of "$out/this.txt")"
  other_cpu="$(cpu_of "$out/other.txt")"
  for run in this other; do
    if [ -z "$(cpu_of "$out/$run.txt")" ]; then
      echo "The $run tree's bench fleets gave no figures:" >&2
      tail -20 "$out/$run.txt" >&2
      exit 1
    fi
  done
  echo "pair $i: this tree ${this_cpu} s of CPU, the other ${other_cpu} s" | tee -a "$out/pairs.txt"
done

# The fingerprint of the fleets' totals: the same in both unless the trees' fleets behave differently.
fingerprint() { grep -oE '\b[0-9a-f]{16}\b' "$1" | tail -1; }
if [ "$(fingerprint "$out/this.txt")" != "$(fingerprint "$out/other.txt")" ]; then
  echo "The two trees did different work: fingerprints $(fingerprint "$out/this.txt") and $(fingerprint "$out/other.txt")."
fi

awk '{ split($0, f, " "); print f[5] / f[11] }' "$out/pairs.txt" | sort -n | awk '
  { ratio[NR] = $1 }
  END { printf "this ÷ other, CPU, median of %d pairs: %.3f (from %.3f to %.3f)\n", NR, ratio[int((NR + 1) / 2)], ratio[1], ratio[NR] }'
