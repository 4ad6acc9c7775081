package io.cleft.compiler.build;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which package names cleft accepts: exactly those javac compiles a class in, plus a JDK rule. */
class JavaPackageNameTest {
  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "a./tmp/x | segment '/tmp/x' contains '/'",
        "1a.b     | segment '1a' starts with a digit",
        "a..b     | empty segment",
        "a.       | empty segment",
        ".a       | empty segment",
        "..       | empty segment",
        "class    | segment 'class' is a Java keyword",
        "a.true   | segment 'true' is a Java keyword or literal",
        "org.goto | segment 'goto' is a Java keyword",
        "a-b      | segment 'a-b' contains '-'",
        "x/y      | segment 'x/y' contains '/'",
        "_        | '_' is a keyword since Java 9",
        "a._.b    | '_' is a keyword since Java 9",
        "'a b'    | segment 'a b' contains U+0020",
        "java.syn | packages under 'java' are reserved for the JDK",
      })
  void rejectsWithTheRuleBroken(String name, String rule) {
    Optional<String> problem = JavaPackageName.problem(name);

    assertTrue(problem.isPresent(), name);
    assertTrue(problem.get().startsWith("'" + name + "' is not a"), problem.get());
    assertTrue(problem.get().contains(rule), problem.get());
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"a", "org.example.syn", "a1.b_2.$c", "var.record", "yield.sealed.permits", "javax.x", "é.ü", "a\u0301"})
  void acceptsWhatJavacCompiles(String name) {
    assertEquals(Optional.empty(), JavaPackageName.problem(name));
    Compilation compilation =
        javac()
            .withOptions("--release", "17", "-Xlint:all", "-Werror")
            .compile(JavaFileObjects.forSourceString(name + ".A", "package " + name + ";\npublic final class A {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"1a.b", "a..b", "class", "a-b", "_", "a.\u200bb"})
  void rejectsWhatJavacRejects(String name) {
    assertTrue(JavaPackageName.problem(name).isPresent(), name);
    Compilation compilation =
        javac()
            .withOptions("--release", "17")
            .compile(JavaFileObjects.forSourceString("A", "package " + name + ";\npublic final class A {}\n"));
    assertEquals(Compilation.Status.FAILURE, compilation.status(), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {""})
  void theUnnamedPackageIsValid(String name) {
    assertEquals(Optional.empty(), JavaPackageName.problem(name));
  }
}
