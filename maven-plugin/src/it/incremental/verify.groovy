// Both builds log into build.log, one after the other. The first deleted Gone.java, which the
// stamp left by prebuild.groovy lists but whose model is gone, and generated the model; the
// second found its source up to date and wrote nothing. Keep.java, in no stamp, was kept.
def log = new File(basedir, 'build.log').readLines()
def output = new File(basedir, 'target/generated-sources/cleft')
def expected = [
    "[INFO] cleft: deleted ${new File(output, 'Gone.java')}, whose model is gone".toString(),
    "[INFO] cleft: 1 generated, 0 up to date, in ${output}".toString(),
    "[INFO] cleft: 0 generated, 1 up to date, in ${output}".toString()]
def actual = log.findAll { it.startsWith('[INFO] cleft: ') }
if (actual != expected) {
  throw new AssertionError("cleft logged\n  " + actual.join("\n  ") + "\nexpected\n  " + expected.join("\n  "))
}
if (!new File(output, 'Ohmic.java').isFile()) {
  throw new AssertionError("not generated: " + new File(output, 'Ohmic.java'))
}
if (new File(output, 'Gone.java').exists()) {
  throw new AssertionError("not deleted: " + new File(output, 'Gone.java'))
}
if (new File(output, 'Keep.java').text != 'public final class Keep {}\n') {
  throw new AssertionError("a file listed in no stamp was changed or deleted: " + new File(output, 'Keep.java'))
}
// Each output line names the file, a tab, and the model it was generated from.
def model = new File(basedir, 'src/main/syn/Ohmic.syn').canonicalPath
def stamp = new File(output, '.cleft-stamp').readLines().findAll { it.startsWith('output=') }
if (stamp != ["output=Ohmic.java\t${model}".toString()]) {
  throw new AssertionError("the stamp lists " + stamp + ", expected [output=Ohmic.java<tab>" + model + "]")
}
