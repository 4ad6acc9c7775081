// The build failed in cleft's generate goal, which reported the misspelt name at its line and
// column, with the source line and a caret under the name, and generated nothing.
def log = new File(basedir, 'build.log').readLines()
def requireLines = { List<String> expected ->
  int at = log.indexOf(expected[0])
  if (at < 0 || log.subList(at, Math.min(log.size(), at + expected.size())) != expected) {
    throw new AssertionError("build.log has no lines\n  " + expected.join("\n  "))
  }
}

def model = new File(basedir, 'src/main/syn/Broken.syn').path
requireLines([
    "[ERROR] ${model}:12:31: error: unknown name 'e_rev' [SYN020]".toString(),
    "   12 |   current = g * r * (v_post - e_rev)",
    "      |                               ^~~~~"])
requireLines([
    "[ERROR] Failed to execute goal io.cleft:cleft-maven-plugin:${cleftVersion}:generate (default) on project model-error-fails-build: cleft found errors in the models:".toString(),
    "[ERROR] ${model}:12:31: error: unknown name 'e_rev' [SYN020]".toString()])
if (new File(basedir, 'target/generated-sources/cleft/Broken.java').exists()) {
  throw new AssertionError("Broken.java was generated")
}
