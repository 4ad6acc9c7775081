// The build failed in cleft's generate goal, which reported the directory that cannot be a
// package and the second model of class Same, naming the first; Same.java is the first model's.
def log = new File(basedir, 'build.log').readLines()
def requireLine = { String expected ->
  if (!log.contains(expected)) {
    throw new AssertionError("build.log has no line\n  " + expected)
  }
}

def syn = new File(basedir, 'src/main/syn')
def keyword = new File(syn, 'class/Keyword.syn').path
def first = new File(syn, 'A.syn').path
def second = new File(syn, 'B.syn').path
requireLine("[ERROR] ${keyword}: error: the directory 'class' cannot be a sub-package of the generated class: segment 'class' is a Java keyword or literal; rename the directory [SYN107]".toString())
requireLine("[ERROR] ${second}:2:1: error: the class 'Same' is also generated from ${first}; two models of one run must not define the same class [SYN108]".toString())
def generated = new File(basedir, 'target/generated-sources/cleft')
if (new File(generated, 'class').exists()) {
  throw new AssertionError("a package directory 'class' was generated")
}
def same = new File(generated, 'Same.java').text
if (!same.contains('from A.syn') || !same.contains('250')) {
  throw new AssertionError("Same.java is not the first model's:\n" + same)
}
