/*
 * The same work as the generated IonotropicSynapse population's advance, in C: the baseline of
 * bench/run-benchmarks.sh.
 *
 * One step, as in the generated Population.advance (compiler/src/test/resources/golden/
 * IonotropicSynapse.java) and HandWrittenIonotropic: gather v_pre and v_post through the index
 * arrays, advance s by Jaxley's exponential-Euler step with safe_exp (exp(min(x, 20)), NaN stays
 * NaN, as CleftMath.safeExp), compute the current of the new s and its derivative with respect to
 * v_post, and add both into the compartments. Parameters, initial states, wiring and voltages are
 * IonotropicBenchmark's: the defaults of IonotropicSynapse.syn, s = 0.2, and Java's
 * SplittableRandom(42) drawing pre[i] = nextInt(n), post[i] = nextInt(n), v[i] =
 * nextDouble(-80, 40) in turn for each i, reproduced here (SplitMix64; see splitmix_*).
 *
 * Two loops, chosen by --loop: "one", the loop anyone writes first, and "strips", strips of 256
 * synapses with the gathers in loops of their own, the arithmetic in loops gcc vectorises, each
 * exp in a loop of its own, and the scatter last, as the generated code does.
 *
 * Built without -ffast-math and with -ffp-contract=off (GNU C's default, -ffp-contract=fast,
 * fuses a * b + c into one FMA, which Java never does), both loops do Java's operations in Java's
 * order. They draw the same wiring and voltages to the bit, and their results agree to the bit
 * but for the few arguments in a thousand where glibc's exp and HotSpot's Math.exp round
 * differently, by an ulp (CBaselineAgreementTest: within 1e-13 of each array's largest value).
 *
 * Vector exp: with -O3 -march=native -ffast-math, gcc 12 and glibc 2.36 vectorise the strips' two
 * exp loops through libmvec (glibc's math.h declares exp a SIMD function when __FAST_MATH__ is
 * defined; no -fopenmp-simd needed). Checked with -fopt-info-vec on 2026-12-01: with
 * -mprefer-vector-width=256 both exp loops of advance_in_strips are "vectorized using 32 byte
 * vectors" and the binary calls _ZGVdN4v_exp (4 doubles a call, AVX2); without it, on a machine
 * with AVX-512 gcc also builds 64-byte versions calling _ZGVeN8v_exp. Without -ffast-math the exp
 * loops stay calls of the scalar exp. The one loop is not vectorised either way (its scatter into
 * current[post[i]] may hit the same compartment twice).
 *
 * Two more loops are not the same work but its floor: "memory" and "memory-shared" make the
 * strips' memory accesses without their arithmetic (see memory_of_strips).
 *
 * Usage: ionotropic --loop one|strips|memory|memory-shared --n N [--check STEPS [--dump FILE]]
 *        [--repetitions R] [--seconds T]
 * --check runs STEPS steps and prints the checksums (sums in index order of s, current and
 * conductance, exact as the 16 hex digits of their IEEE bits, and readable in %.17g); --dump
 * also writes the inputs and the results, little-endian: pre and post as 32-bit ints, then the
 * voltages, s, current and conductance as doubles, N of each. Otherwise it warms up for T
 * seconds, then times R repetitions of about T seconds each and prints the best and the median as
 * updates per second and microseconds per step, on one line of key=value pairs for the script.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { STRIP = 256 };

static const double DT = 0.025;
static const double SAFE_EXP_MAX = 20.0;

/* Java's SplittableRandom: a 64-bit counter advanced by the golden gamma, mixed on output. */
typedef struct {
  uint64_t seed;
} splitmix;

static const uint64_t GOLDEN_GAMMA = 0x9e3779b97f4a7c15ULL;

static uint64_t splitmix_next_seed(splitmix *r) { return r->seed += GOLDEN_GAMMA; }

static uint64_t splitmix_mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static int32_t splitmix_mix32(uint64_t z) {
  z = (z ^ (z >> 33)) * 0x62a9d9ed799705f5ULL;
  return (int32_t)(((z ^ (z >> 28)) * 0xcb24d0a5c88c35b3ULL) >> 32);
}

static int32_t splitmix_next_int(splitmix *r) { return splitmix_mix32(splitmix_next_seed(r)); }

/*
 * RandomGenerator.nextInt(bound) of JDK 17 (RandomSupport.boundedNextInt): a mask for a power of
 * two, else u % bound from the top 31 bits, rejecting the candidates that would over-represent
 * small values (the Java test u + m - r < 0 is an int overflow; here it is done in 64 bits).
 */
static int32_t splitmix_next_int_below(splitmix *r, int32_t bound) {
  int32_t candidate = splitmix_next_int(r);
  int32_t m = bound - 1;
  if ((bound & m) == 0) {
    return candidate & m;
  }
  for (;;) {
    int32_t u = (int32_t)((uint32_t)candidate >> 1);
    int32_t result = u % bound;
    if ((int64_t)u + m - result <= INT32_MAX) {
      return result;
    }
    candidate = splitmix_next_int(r);
  }
}

/* nextDouble(): the top 53 bits of the next long, times 2^-53. */
static double splitmix_next_double(splitmix *r) {
  return (double)(splitmix_mix64(splitmix_next_seed(r)) >> 11) * 0x1.0p-53;
}

/* RandomSupport.boundedNextDouble for a finite range: r * (bound - origin) + origin, below bound. */
static double splitmix_next_double_between(splitmix *r, double origin, double bound) {
  double value = splitmix_next_double(r) * (bound - origin) + origin;
  return value >= bound ? nextafter(bound, -INFINITY) : value;
}

/* safe_exp's clip: exp(min(x, 20)) with Java's Math.min, so NaN stays NaN (fmin would drop it). */
static double clip(double x) { return x > SAFE_EXP_MAX ? SAFE_EXP_MAX : x; }

typedef struct {
  int n;
  int *pre;
  int *post;
  double *voltages;
  double *current;
  double *conductance;
  double *g_s;
  double *e_syn;
  double *k_minus;
  double *v_th;
  double *delta;
  double *s;
} population;

static double *filled(int n, double value) {
  double *array = malloc((size_t)n * sizeof(double));
  if (array == NULL) {
    fprintf(stderr, "ionotropic: out of memory for %d synapses\n", n);
    exit(1);
  }
  for (int i = 0; i < n; i++) {
    array[i] = value;
  }
  return array;
}

static population population_new(int n) {
  population p;
  p.n = n;
  p.pre = malloc((size_t)n * sizeof(int));
  p.post = malloc((size_t)n * sizeof(int));
  p.voltages = filled(n, 0.0);
  if (p.pre == NULL || p.post == NULL) {
    fprintf(stderr, "ionotropic: out of memory for %d synapses\n", n);
    exit(1);
  }
  splitmix random = {42};
  for (int i = 0; i < n; i++) {
    p.pre[i] = splitmix_next_int_below(&random, n);
    p.post[i] = splitmix_next_int_below(&random, n);
    p.voltages[i] = splitmix_next_double_between(&random, -80.0, 40.0);
  }
  p.current = filled(n, 0.0);
  p.conductance = filled(n, 0.0);
  p.g_s = filled(n, 1e-4);
  p.e_syn = filled(n, 0.0);
  p.k_minus = filled(n, 0.025);
  p.v_th = filled(n, -35.0);
  p.delta = filled(n, 10.0);
  p.s = filled(n, 0.2);
  return p;
}

/* The loop anyone writes first: one synapse at a time, everything in one pass. */
static void advance_in_one_loop(population *p, double dt) {
  const int *restrict pre = p->pre;
  const int *restrict post = p->post;
  const double *restrict v = p->voltages;
  double *restrict current = p->current;
  double *restrict conductance = p->conductance;
  for (int i = 0; i < p->n; i++) {
    double s_inf = 1.0 / (1.0 + exp(clip((p->v_th[i] - v[pre[i]]) / p->delta[i])));
    double tau_s = (1.0 - s_inf) / p->k_minus[i];
    double slope = -1.0 / tau_s;
    double exp_term = exp(clip(slope * dt));
    double s = p->s[i] * exp_term + s_inf * (1.0 - exp_term);
    p->s[i] = s;
    double g = p->g_s[i] * s;
    int k = post[i];
    current[k] += g * (v[k] - p->e_syn[i]);
    conductance[k] += g;
  }
}

/* Per-strip scratch, in the L1 cache. */
static double strip_v_pre[STRIP];
static double strip_v_post[STRIP];
static double strip_activation_argument[STRIP];
static double strip_activation_exp[STRIP];
static double strip_s_inf[STRIP];
static double strip_decay_argument[STRIP];
static double strip_decay[STRIP];
static double strip_current[STRIP];
static double strip_conductance[STRIP];

/* The generated code's shape: gathers, arithmetic, each exp alone, scatter; per strip of 256. */
static void advance_in_strips(population *p, double dt) {
  const int *restrict pre = p->pre;
  const int *restrict post = p->post;
  const double *restrict v = p->voltages;
  const double *restrict g_s = p->g_s;
  const double *restrict e_syn = p->e_syn;
  const double *restrict k_minus = p->k_minus;
  const double *restrict v_th = p->v_th;
  const double *restrict delta = p->delta;
  double *restrict s = p->s;
  double *restrict current = p->current;
  double *restrict conductance = p->conductance;
  for (int start = 0; start < p->n; start += STRIP) {
    int count = p->n - start < STRIP ? p->n - start : STRIP;
    for (int j = 0; j < count; j++) {
      strip_v_pre[j] = v[pre[start + j]];
    }
    for (int j = 0; j < count; j++) {
      strip_v_post[j] = v[post[start + j]];
    }
    for (int j = 0; j < count; j++) {
      strip_activation_argument[j] = clip((v_th[start + j] - strip_v_pre[j]) / delta[start + j]);
    }
    for (int j = 0; j < count; j++) {
      strip_activation_exp[j] = exp(strip_activation_argument[j]);
    }
    for (int j = 0; j < count; j++) {
      double s_inf = 1.0 / (1.0 + strip_activation_exp[j]);
      strip_s_inf[j] = s_inf;
      double tau_s = (1.0 - s_inf) / k_minus[start + j];
      double slope = -1.0 / tau_s;
      strip_decay_argument[j] = clip(slope * dt);
    }
    for (int j = 0; j < count; j++) {
      strip_decay[j] = exp(strip_decay_argument[j]);
    }
    for (int j = 0; j < count; j++) {
      int i = start + j;
      double e = strip_decay[j];
      double next = s[i] * e + strip_s_inf[j] * (1.0 - e);
      s[i] = next;
      double g = g_s[i] * next;
      strip_current[j] = g * (strip_v_post[j] - e_syn[i]);
      strip_conductance[j] = g;
    }
    for (int j = 0; j < count; j++) {
      int k = post[start + j];
      current[k] += strip_current[j];
      conductance[k] += strip_conductance[j];
    }
  }
}

/*
 * The strips' memory traffic without their arithmetic: the same gathers, the same sequential
 * reads of every parameter and of s, the same write of s and the same scatter, but a few
 * additions in place of the exps and divisions. No implementation of this benchmark's work can
 * take less time than this loop on the same machine, whatever its arithmetic costs; its time is
 * the floor that bounds every ratio to the C columns (docs/BENCHMARKS.md, "Bounds").
 */
static void memory_of_strips(population *p, double dt) {
  const int *restrict pre = p->pre;
  const int *restrict post = p->post;
  const double *restrict v = p->voltages;
  const double *restrict g_s = p->g_s;
  const double *restrict e_syn = p->e_syn;
  const double *restrict k_minus = p->k_minus;
  const double *restrict v_th = p->v_th;
  const double *restrict delta = p->delta;
  double *restrict s = p->s;
  double *restrict current = p->current;
  double *restrict conductance = p->conductance;
  for (int start = 0; start < p->n; start += STRIP) {
    int count = p->n - start < STRIP ? p->n - start : STRIP;
    for (int j = 0; j < count; j++) {
      strip_v_pre[j] = v[pre[start + j]];
    }
    for (int j = 0; j < count; j++) {
      strip_v_post[j] = v[post[start + j]];
    }
    for (int j = 0; j < count; j++) {
      int i = start + j;
      /* Bounded, so the values stay finite over any number of steps. */
      s[i] = 0.5 * s[i] + dt * 1e-3 * (v_th[i] + delta[i] + k_minus[i] + strip_v_pre[j]);
      strip_current[j] = g_s[i] * (strip_v_post[j] - e_syn[i]);
      strip_conductance[j] = g_s[i];
    }
    for (int j = 0; j < count; j++) {
      int k = post[start + j];
      current[k] += strip_current[j];
      conductance[k] += strip_conductance[j];
    }
  }
}

/*
 * The same floor for IonotropicSynapseShared (only gS per synapse): e_syn, k_minus, v_th and
 * delta are one value each, read once per step. The ratio of the two floors bounds what sharing
 * those four parameters can gain by the bytes it saves.
 *
 * It repeats memory_of_strips rather than share code with it on purpose: gcc 12 vectorises
 * these loops differently when the gathers or the scatter move into a helper or the indices
 * into a parameter (-fopt-info-vec, 2026-12-01), and a floor must be the loop that was measured.
 */
static void memory_of_strips_shared(population *p, double dt) {
  const int *restrict pre = p->pre;
  const int *restrict post = p->post;
  const double *restrict v = p->voltages;
  const double *restrict g_s = p->g_s;
  const double e_syn = p->e_syn[0];
  const double k_minus = p->k_minus[0];
  const double v_th = p->v_th[0];
  const double delta = p->delta[0];
  double *restrict s = p->s;
  double *restrict current = p->current;
  double *restrict conductance = p->conductance;
  for (int start = 0; start < p->n; start += STRIP) {
    int count = p->n - start < STRIP ? p->n - start : STRIP;
    for (int j = 0; j < count; j++) {
      strip_v_pre[j] = v[pre[start + j]];
    }
    for (int j = 0; j < count; j++) {
      strip_v_post[j] = v[post[start + j]];
    }
    for (int j = 0; j < count; j++) {
      int i = start + j;
      s[i] = 0.5 * s[i] + dt * 1e-3 * (v_th + delta + k_minus + strip_v_pre[j]);
      strip_current[j] = g_s[i] * (strip_v_post[j] - e_syn);
      strip_conductance[j] = g_s[i];
    }
    for (int j = 0; j < count; j++) {
      int k = post[start + j];
      current[k] += strip_current[j];
      conductance[k] += strip_conductance[j];
    }
  }
}

typedef void (*advance_function)(population *, double);

static double sum(const double *values, int n) {
  double total = 0.0;
  for (int i = 0; i < n; i++) {
    total += values[i];
  }
  return total;
}

/* The IEEE bits of a double, as Java's Double.doubleToRawLongBits gives them. */
static unsigned long long bits_of(double value) {
  uint64_t bits;
  memcpy(&bits, &value, sizeof bits);
  return (unsigned long long)bits;
}

static double seconds_now(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a;
  double y = *(const double *)b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static int write_doubles(FILE *out, const double *values, int n) {
  for (int i = 0; i < n; i++) {
    unsigned long long bits = bits_of(values[i]);
    unsigned char bytes[8];
    for (int b = 0; b < 8; b++) {
      bytes[b] = (unsigned char)(bits >> (8 * b));
    }
    if (fwrite(bytes, 1, sizeof bytes, out) != sizeof bytes) {
      return 0;
    }
  }
  return 1;
}

static int write_ints(FILE *out, const int *values, int n) {
  for (int i = 0; i < n; i++) {
    uint32_t bits = (uint32_t)values[i];
    unsigned char bytes[4];
    for (int b = 0; b < 4; b++) {
      bytes[b] = (unsigned char)(bits >> (8 * b));
    }
    if (fwrite(bytes, 1, sizeof bytes, out) != sizeof bytes) {
      return 0;
    }
  }
  return 1;
}

static int check(population *p, advance_function advance, long steps, const char *dump) {
  for (long step = 0; step < steps; step++) {
    advance(p, DT);
  }
  double sums[3] = {sum(p->s, p->n), sum(p->current, p->n), sum(p->conductance, p->n)};
  printf("checksum n=%d steps=%ld s=%016llx current=%016llx conductance=%016llx\n", p->n, steps,
         bits_of(sums[0]), bits_of(sums[1]), bits_of(sums[2]));
  printf("# s=%.17g current=%.17g conductance=%.17g\n", sums[0], sums[1], sums[2]);
  if (dump != NULL) {
    FILE *out = fopen(dump, "wb");
    if (out == NULL || !write_ints(out, p->pre, p->n) || !write_ints(out, p->post, p->n) ||
        !write_doubles(out, p->voltages, p->n) || !write_doubles(out, p->s, p->n) || !write_doubles(out, p->current, p->n) ||
        !write_doubles(out, p->conductance, p->n) || fclose(out) != 0) {
      fprintf(stderr, "ionotropic: cannot write %s\n", dump);
      return 1;
    }
  }
  return 0;
}

/* Steps in about `seconds`, from the time of one step measured after warm-up. */
static long steps_for(double seconds_per_step, double seconds) {
  long steps = (long)(seconds / seconds_per_step);
  return steps < 1 ? 1 : steps;
}

static int measure(population *p, advance_function advance, const char *loop, int repetitions,
                   double seconds) {
  double warm_up_end = seconds_now() + seconds;
  long warm_up_steps = 0;
  double warm_up_start = seconds_now();
  do {
    advance(p, DT);
    warm_up_steps++;
  } while (seconds_now() < warm_up_end);
  long steps = steps_for((seconds_now() - warm_up_start) / (double)warm_up_steps, seconds);
  double *per_step = malloc((size_t)repetitions * sizeof(double));
  if (per_step == NULL) {
    return 1;
  }
  for (int r = 0; r < repetitions; r++) {
    double start = seconds_now();
    for (long step = 0; step < steps; step++) {
      advance(p, DT);
    }
    per_step[r] = (seconds_now() - start) / (double)steps;
  }
  qsort(per_step, (size_t)repetitions, sizeof(double), compare_doubles);
  double best = per_step[0];
  double median = repetitions % 2 == 1
                      ? per_step[repetitions / 2]
                      : 0.5 * (per_step[repetitions / 2 - 1] + per_step[repetitions / 2]);
  /* The sum keeps the compiler from dropping the work and shows the run did not go astray. */
  printf("result loop=%s n=%d repetitions=%d steps=%ld best_updates_per_s=%.4e "
         "median_updates_per_s=%.4e best_us_per_step=%.3f median_us_per_step=%.3f "
         "current_sum=%.6e\n",
         loop, p->n, repetitions, steps, p->n / best, p->n / median, best * 1e6, median * 1e6,
         sum(p->current, p->n));
  free(per_step);
  return 0;
}

static int usage(const char *message) {
  fprintf(stderr,
          "ionotropic: %s\nusage: ionotropic --loop one|strips|memory|memory-shared --n N [--check STEPS [--dump FILE]] "
          "[--repetitions R] [--seconds T]\n",
          message);
  return 2;
}

/* A positive whole number, or -1. */
static long positive(const char *text) {
  char *end;
  long value = strtol(text, &end, 10);
  return *text != '\0' && *end == '\0' && value > 0 ? value : -1;
}

int main(int argc, char **argv) {
  const char *loop = NULL;
  const char *dump = NULL;
  long n = -1;
  long check_steps = 0;
  long repetitions = 5;
  double seconds = 0.5;
  for (int a = 1; a < argc; a++) {
    if (a + 1 >= argc) {
      return usage("every option takes a value");
    }
    const char *option = argv[a];
    const char *value = argv[++a];
    if (strcmp(option, "--loop") == 0) {
      loop = value;
    } else if (strcmp(option, "--n") == 0) {
      n = positive(value);
    } else if (strcmp(option, "--check") == 0) {
      check_steps = positive(value);
    } else if (strcmp(option, "--dump") == 0) {
      dump = value;
    } else if (strcmp(option, "--repetitions") == 0) {
      repetitions = positive(value);
    } else if (strcmp(option, "--seconds") == 0) {
      seconds = strtod(value, NULL);
    } else {
      return usage("unknown option");
    }
  }
  if (loop == NULL || (strcmp(loop, "one") != 0 && strcmp(loop, "strips") != 0 && strcmp(loop, "memory") != 0 &&
                       strcmp(loop, "memory-shared") != 0)) {
    return usage("--loop must be one, strips, memory or memory-shared");
  }
  if (n < 1 || n > INT32_MAX || check_steps < 0 || repetitions < 1 || !(seconds > 0.0)) {
    return usage("--n, --check and --repetitions must be positive whole numbers, --seconds positive");
  }
  advance_function advance = strcmp(loop, "one") == 0      ? advance_in_one_loop
                             : strcmp(loop, "strips") == 0 ? advance_in_strips
                             : strcmp(loop, "memory") == 0 ? memory_of_strips
                                                           : memory_of_strips_shared;
  population p = population_new((int)n);
  if (check_steps > 0) {
    return check(&p, advance, check_steps, dump);
  }
  return measure(&p, advance, loop, (int)repetitions, seconds);
}
