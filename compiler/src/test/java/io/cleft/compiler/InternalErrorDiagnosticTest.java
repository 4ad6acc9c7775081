package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticPrinter;
import io.cleft.compiler.source.SourceFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SYN199 says where in cleft it failed, and does not pretend to know where in the model. */
class InternalErrorDiagnosticTest {
  @Test
  void anInternalErrorHasNoMadeUpPositionAndNamesTheFailingMethod() {
    IllegalStateException failure = new IllegalStateException("boom");
    failure.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 1),
        new StackTraceElement("io.cleft.compiler.check.Resolver", "declare", "Resolver.java", 2),
        new StackTraceElement("io.cleft.compiler.Pipeline", "run", "Pipeline.java", 3)});

    Diagnostic diagnostic = InternalErrorDiagnostic.of(new SourceFile("m.syn", "synapse M {}\n"), failure);

    assertEquals(DiagnosticCode.INTERNAL_ERROR, diagnostic.code());
    assertEquals(Optional.empty(), diagnostic.span());
    assertEquals(
        "m.syn: error: internal compiler error in check.Resolver.declare (java.lang.IllegalStateException: boom);"
            + " the position in the model is unknown; please report it with this model [SYN199]\n",
        DiagnosticPrinter.render(diagnostic));
  }

  @Test
  void aFailureOutsideTheCompilerIsReportedWithoutAMethod() {
    StackOverflowError failure = new StackOverflowError();
    failure.setStackTrace(new StackTraceElement[0]);

    assertEquals(
        "internal compiler error (java.lang.StackOverflowError); the position in the model is unknown;"
            + " please report it with this model",
        InternalErrorDiagnostic.of(new SourceFile("m.syn", ""), failure).message());
  }
}
