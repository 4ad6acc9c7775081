// The model was generated in SIMD mode (its strips call the kernels of cleft-runtime-vector)
// and the JUnit test that runs it with the Vector API was found and passed.
def log = new File(basedir, 'build.log').readLines()
def source = new File(basedir, 'target/generated-sources/cleft/org/example/simd/IonotropicSynapse.java')
if (!source.isFile()) {
  throw new AssertionError("not generated: " + source)
}
if (!source.text.contains('ArrayMath.safeExp(strip.s_inf_safe_exp_arg, strip.s_inf_safe_exp, count);')) {
  throw new AssertionError(source.toString() + " does not call the kernels")
}
if (!log.contains('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')) {
  throw new AssertionError("build.log has no line for the two tests passing")
}
