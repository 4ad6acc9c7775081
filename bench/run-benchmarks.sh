#!/usr/bin/env bash
# Issue 10's benchmarks in one go: the JMH rows of IonotropicBenchmark (generated, SIMD, threads,
# shared parameters, sorted wiring, hand-written; whichever this build has) and the same-work C
# baseline bench/c/ionotropic.c in five builds and two memory floors, then the ratio table of
# docs/BENCHMARKS.md.
#
#   bench/run-benchmarks.sh           the measurement: about 15 to 20 minutes (printed at the start)
#   bench/run-benchmarks.sh --quick   a smoke test: 1 fork, short iterations, a few minutes
#   --ignore-lock                     run JMH even while another JMH run holds /tmp/jmh.lock (the
#                                     two then measure each other: for smoke tests only)
#
# Run it on an idle machine: only ratios of rows measured in the same run mean anything, and
# anything else running on the cores moves them. Results go to bench/target/benchmark-run/
# (jmh.json, jmh.log, c-results.txt, table.md). Needs a JDK 17 and Maven; gcc is optional (without
# it the table has no C columns). No python or jq: the JSON is read by io.cleft.bench.RatioTable.
set -euo pipefail

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  echo "usage: bench/run-benchmarks.sh [--quick] [--ignore-lock] [--help]"
}

quick=false
jmh_lock=()
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    --ignore-lock) jmh_lock=(-Djmh.ignoreLock=true) ;;
    --help | -h) usage; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown argument '$argument'" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
out=bench/target/benchmark-run
jar=bench/target/benchmarks.jar
sizes=(1000 100000 1000000)
# Every IonotropicBenchmark row but the two slow ones (the map interface and the interpreter,
# 50 to 100 times slower, are in the full JMH run of docs/BENCHMARKS.md): new rows of other parts
# of the issue are picked up by name, whatever they are called.
rows='IonotropicBenchmark\.(?!mapInterface$|interpreter$)'

if $quick; then
  # Three iterations: the fewest for which JMH gives an interval.
  forks=1 warmups=1 iterations=3 iteration_seconds=1
  c_repetitions=3 c_seconds=0.2
else
  # Two forks of 6 measured seconds give 12 samples a row: a 99.9% interval of a few per cent
  # on a quiet 2-core machine, and the whole run stays under about 20 minutes.
  forks=2 warmups=4 iterations=6 iteration_seconds=1
  c_repetitions=7 c_seconds=0.5
fi

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)
cores=$(nproc 2>/dev/null || echo '?')
vector=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | grep -o -w -E 'avx2|avx512f' | paste -sd' ' - || true)
jdk=$(java -version 2>&1 | head -n 1)
if command -v gcc >/dev/null 2>&1; then
  have_gcc=true
  compiler=$(gcc --version | head -n 1)
else
  have_gcc=false
  compiler="none (no C columns)"
fi

echo "Building the benchmarks (mvn -pl bench -am package -DskipTests) ..."
mvn -B -ntp -q -Dstyle.color=never -pl bench -am package -DskipTests
rm -rf "$out"
mkdir -p "$out"

row_count=$(java -jar "$jar" -l "$rows" | grep -c 'IonotropicBenchmark\.' || true)
if [ "$row_count" -eq 0 ]; then
  echo "run-benchmarks.sh: no IonotropicBenchmark rows match '$rows'" >&2
  exit 1
fi
# The C builds: five of the same work, and two memory floors.
variants=(c-one c-one-fast c-strips c-strips-fast c-strips-fast256)
# Not the same work, so not in the checksum check: the strips' memory traffic without their
# arithmetic (per-synapse and shared parameters), the floor no implementation goes below.
floors=(c-memory c-memory-shared)
# Each fork: the iterations, plus about 6 s to start the JVM, set up 10^6 synapses and compile.
jmh_seconds=$((row_count * ${#sizes[@]} * forks * ((warmups + iterations) * iteration_seconds + 6)))
c_seconds_total=0
if $have_gcc; then
  c_seconds_total=$(awk -v r="$c_repetitions" -v s="$c_seconds" -v k="${#sizes[@]}" \
    -v c="$((${#variants[@]} + ${#floors[@]}))" 'BEGIN { printf "%d", c * k * (r + 1) * s + 10 }')
fi
c_part=""
if $have_gcc; then
  c_part="; about $(((c_seconds_total + 59) / 60)) minute(s) of C"
fi
echo "Expected duration: about $(((jmh_seconds + c_seconds_total + 59) / 60)) minutes" \
  "($row_count JMH rows x ${#sizes[@]} sizes x $forks fork(s)$c_part)."

# ---- C baseline ------------------------------------------------------------------------------
declare -A loop_of=([c-one]=one [c-one-fast]=one [c-strips]=strips [c-strips-fast]=strips [c-strips-fast256]=strips
  [c-memory]=memory [c-memory-shared]=memory-shared)
# The IEEE builds do not contract a * b + c into FMA (GNU C's default would): Java never does,
# and without it the C baseline computes what the generated code computes.
declare -A flags_of=(
  [c-one]="-O3 -march=native -ffp-contract=off"
  [c-one-fast]="-O3 -march=native -ffast-math"
  [c-strips]="-O3 -march=native -ffp-contract=off"
  [c-strips-fast]="-O3 -march=native -ffast-math"
  [c-strips-fast256]="-O3 -march=native -ffast-math -mprefer-vector-width=256"
  [c-memory]="-O3 -march=native -ffast-math -mprefer-vector-width=256"
  [c-memory-shared]="-O3 -march=native -ffast-math -mprefer-vector-width=256")
checksum_notes=()
if $have_gcc; then
  for variant in "${variants[@]}" "${floors[@]}"; do
    # shellcheck disable=SC2086 # the flags are words
    gcc -std=c11 ${flags_of[$variant]} -o "$out/$variant" bench/c/ionotropic.c -lm
  done
  # The same work: after 10 steps at N = 1000 the C sums must be the generated population's.
  java_sums=$(java -cp "$jar" io.cleft.bench.IonotropicChecksum 1000 10)
  for variant in "${variants[@]}"; do
    c_sums=$("$out/$variant" --loop "${loop_of[$variant]}" --n 1000 --check 10)
    verdict=$(printf '%s\n%s\n' "$java_sums" "$c_sums" | awk -v variant="$variant" '
      /^checksum/ { bits[++b] = $0 }
      /^#/ { ++r; for (i = 2; i <= 4; i++) { split($i, kv, "="); value[r, i] = kv[2] + 0 } }
      END {
        worst = 0
        for (i = 2; i <= 4; i++) {
          a = value[1, i]; c = value[2, i]
          d = a - c; if (d < 0) d = -d; m = a < 0 ? -a : a
          if (m > 0 && d / m > worst) worst = d / m
        }
        same = substr(bits[1], index(bits[1], " s=")) == substr(bits[2], index(bits[2], " s="))
        if (same) print "ok bit for bit"
        else printf "%s %.1e\n", (worst <= 1e-12 ? "ok" : "FAILED"), worst
      }')
    case "$verdict" in
      "ok bit for bit") checksum_notes+=("$variant: checksums equal to the bit") ;;
      ok*) checksum_notes+=("$variant: checksums within a relative ${verdict#ok } (tolerance 1e-12)") ;;
      *)
        if [[ "${flags_of[$variant]}" == *-ffast-math* ]]; then
          checksum_notes+=("$variant: checksums differ by a relative ${verdict#FAILED } (fast math reorders; not checked)")
        else
          echo "run-benchmarks.sh: $variant does not do the generated population's work:" >&2
          printf 'Java: %s\nC:    %s\n' "$java_sums" "$c_sums" >&2
          exit 1
        fi
        ;;
    esac
  done
  echo "C baseline built with $compiler; checksums after 10 steps at N = 1000 checked. Timing it ..."
  for n in "${sizes[@]}"; do
    for variant in "${variants[@]}" "${floors[@]}"; do
      printf '%s ' "$variant" >>"$out/c-results.txt"
      "$out/$variant" --loop "${loop_of[$variant]}" --n "$n" --repetitions "$c_repetitions" \
        --seconds "$c_seconds" >>"$out/c-results.txt"
    done
  done
else
  echo "No gcc on the PATH: no C baseline; the table has no C columns."
fi

# ---- JMH -------------------------------------------------------------------------------------
echo "JMH: $row_count rows (progress in $out/jmh.log) ..."
java ${jmh_lock[@]+"${jmh_lock[@]}"} -jar "$jar" "$rows" -p "n=$(IFS=,; echo "${sizes[*]}")" -f "$forks" -wi "$warmups" \
  -w "${iteration_seconds}s" -i "$iterations" -r "${iteration_seconds}s" \
  -rf json -rff "$out/jmh.json" >"$out/jmh.log" 2>&1 || {
  if grep -q 'Unable to acquire the JMH lock' "$out/jmh.log"; then
    # JMH's lock keeps two runs from measuring each other; wait for the other one rather than break it.
    echo "run-benchmarks.sh: another JMH run holds /tmp/jmh.lock; run this again when it has finished" \
      "(or with --ignore-lock for a smoke test)." >&2
    exit 1
  fi
  echo "run-benchmarks.sh: JMH failed; the end of $out/jmh.log:" >&2
  tail -n 30 "$out/jmh.log" >&2
  exit 1
}

# ---- The table -------------------------------------------------------------------------------
{
  echo "## Benchmark run, $started$($quick && echo ' (--quick: a smoke test, not a measurement)')"
  echo
  echo "- Machine: ${cpu:-unknown CPU}, $cores cores (${vector:-no AVX2}), load average at start $load"
  echo "- JDK: $jdk; gcc: $compiler"
  echo "- JMH: $forks fork(s), $warmups x ${iteration_seconds} s warm-up, $iterations x ${iteration_seconds} s measured;" \
    "C: $c_seconds s of warm-up, then the median of $c_repetitions repetitions of about $c_seconds s each"
  for note in ${checksum_notes[@]+"${checksum_notes[@]}"}; do
    echo "- C $note"
  done
  echo
  java -cp "$jar" io.cleft.bench.RatioTable "$out/jmh.json" "$out/c-results.txt"
} | tee "$out/table.md"
echo
echo "Table written to $out/table.md."
