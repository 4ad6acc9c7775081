// The build failed in cleft's generate goal, which named the rule the package name breaks, and
// generated nothing.
def log = new File(basedir, 'build.log').text
def expected = "cleft: invalid <packageName>: 'org.example.class' is not a Java package name: segment 'class' is a Java keyword or literal"
if (!log.contains(expected)) {
  throw new AssertionError("build.log does not say\n  " + expected)
}
if (new File(basedir, 'target/generated-sources/cleft').exists()) {
  throw new AssertionError("something was generated")
}
