#!/usr/bin/env bash
# Measures the wall time of cleft's short commands, as a user sees them: each command is run
# RUNS times (default 10) in a fresh JVM through ./cleft (or whatever CLEFT names), and the
# median, minimum and maximum are printed in seconds. The load average is printed first, since
# on a shared machine only figures from the same run compare.
#
#   bench/latency/measure.sh                 # ./cleft check, eval, eval --interpret, run
#   CLEFT="java -jar compiler/target/cleft-compiler-0.1.0-SNAPSHOT-cli.jar" bench/latency/measure.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${RUNS:-10}"
read -r -a cleft <<<"${CLEFT:-./cleft}"
reference=models/src/test/resources/reference/jaxley/IonotropicSynapse.csv
# A model no JVM has seen: the ionotropic synapse under another name, so that neither the class
# archive (trained on IonotropicSynapse) nor anything else has its classes.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
model="$work/NewIonotropic.syn"
sed 's/^synapse IonotropicSynapse {/synapse NewIonotropic {/' models/src/main/syn/IonotropicSynapse.syn >"$model"
grep -q '^synapse NewIonotropic {' "$model" || { echo "measure.sh: cannot rename the model" >&2; exit 1; }

# One warm-up run so that a stale jar is rebuilt (and any archive made) before timing.
"${cleft[@]}" check "$model" >/dev/null 2>&1 || true

# Runs "$@" $runs times and prints "median min max" of the wall times.
time_command() {
  local times=() start end i
  for ((i = 0; i < runs; i++)); do
    start="$(date +%s.%N)"
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    end="$(date +%s.%N)"
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 }
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
          printf "%.3f %.3f %.3f\n", m, t[1], t[NR] }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: $runs; command: ${cleft[*]}"
printf '%-20s %8s %8s %8s\n' command median min max
report() {
  local name="$1"
  shift
  # shellcheck disable=SC2046
  printf '%-20s %8s %8s %8s\n' "$name" $(time_command "$@")
}
report "--version" "${cleft[@]}" --version
report check "${cleft[@]}" check "$model"
report eval "${cleft[@]}" eval "$model" --input "$reference" --check 1e-12
report "eval --interpret" "${cleft[@]}" eval "$model" --input "$reference" --check 1e-12 --interpret
report "run --tstop 100" "${cleft[@]}" run "$model" --tstop 100 --compartment passive --set gS=0.01
