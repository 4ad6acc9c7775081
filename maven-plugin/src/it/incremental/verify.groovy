// Both builds log into build.log, one after the other: the first generated the model, the
// second found its source up to date and wrote nothing.
def log = new File(basedir, 'build.log').readLines()
def output = new File(basedir, 'target/generated-sources/cleft')
def expected = [
    "[INFO] cleft: 1 generated, 0 up to date, in ${output}".toString(),
    "[INFO] cleft: 0 generated, 1 up to date, in ${output}".toString()]
def actual = log.findAll { it.startsWith('[INFO] cleft: ') }
if (actual != expected) {
  throw new AssertionError("cleft logged\n  " + actual.join("\n  ") + "\nexpected\n  " + expected.join("\n  "))
}
if (!new File(output, 'Ohmic.java').isFile()) {
  throw new AssertionError("not generated: " + new File(output, 'Ohmic.java'))
}
