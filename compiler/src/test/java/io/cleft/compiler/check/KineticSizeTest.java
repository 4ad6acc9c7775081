package io.cleft.compiler.check;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.emit.JavaEmitter;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import io.cleft.runtime.ArraySynapse;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size estimate of a kinetic scheme, on its costliest shape: a long chain of reversible
 * reactions under rk4 (every state in two reactions, each stage a copy of four fluxes) with a
 * law over all its states (a local per state's next value, and the total minus all of them). The
 * largest chain the limit allows, found by bisection over what {@code check} accepts, compiles
 * with {@code -Xlint:all -Werror}, so the estimate is not below the real size; one state more is
 * rejected with SYN080.
 */
class KineticSizeTest {
  @Test
  void theLargestSchemeTheLimitAllowsCompilesAndOneMoreIsRejected() {
    int accepted = 2;
    int rejected = 256; // the law's sum nests one level per state: 256 is beyond what parses
    while (rejected - accepted > 1) {
      int middle = (accepted + rejected) / 2;
      if (errors(Pipeline.compile(new SourceFile("S.syn", chain(middle)))).isEmpty()) {
        accepted = middle;
      } else {
        rejected = middle;
      }
    }
    assertTrue(accepted > 20, "a chain of " + accepted + " states is all the limit allows");
    // For the record in the build log.
    System.out.println("kinetic size: a chain of " + accepted + " states under rk4 is the largest allowed");
    Compilation allowed = Pipeline.compile(new SourceFile("S.syn", chain(accepted)));
    com.google.testing.compile.Compilation compiled =
        javac()
            .withOptions("--release", "17", "-Xlint:all", "-Werror")
            .withClasspath(List.of(new File(ArraySynapse.class.getProtectionDomain().getCodeSource().getLocation().getPath())))
            .compile(JavaEmitter.emit(Optimizer.optimize(allowed.program().orElseThrow()), "io.cleft.limits", false)
                .toJavaFileObject());
    assertThat(compiled).succeededWithoutWarnings();

    List<Diagnostic> errors = errors(Pipeline.compile(new SourceFile("S.syn", chain(accepted + 1))));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals(DiagnosticCode.GENERATED_METHOD_TOO_LARGE, errors.get(0).code());
  }

  /** {@code k0 <-> k1 <-> ... <-> k(n-1)} under rk4, with rates that read a local, and {@code conserve k0 + ... = 1}. */
  static String chain(int states) {
    StringBuilder model = new StringBuilder("synapse S {\n  parameters { kf = 0.5 1/ms  kb = 0.2 1/ms }\n  states {\n");
    for (int k = 0; k < states; k++) {
      model.append("    k").append(k).append(" = ").append(k == 0 ? "1" : "0").append('\n');
    }
    model.append("  }\n  update {\n    f = kf * (1 + v_pre / 100 [mV])\n    kinetic using rk4 {\n");
    for (int k = 1; k < states; k++) {
      model.append("      k").append(k - 1).append(" <-> k").append(k).append(" (f, kb)\n");
    }
    model.append("      conserve k0");
    for (int k = 1; k < states; k++) {
      model.append(" + k").append(k);
    }
    return model.append(" = 1\n    }\n  }\n  current = k1 * 1 [nA]\n}\n").toString();
  }

  private static List<Diagnostic> errors(Compilation compilation) {
    return compilation.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }
}
