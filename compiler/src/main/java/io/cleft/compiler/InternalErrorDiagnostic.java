package io.cleft.compiler;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.source.SourceFile;
import java.util.Optional;

/**
 * The diagnostic for a bug in cleft that a model made show (SYN199). A stage that throws has not
 * said which declaration or statement it was working on, so the diagnostic has no position
 * rather than a made-up one, and says so; it names the compiler method that failed, from the
 * stack, to help the report.
 */
public final class InternalErrorDiagnostic {
  private static final String COMPILER_PACKAGE = "io.cleft.compiler.";

  private InternalErrorDiagnostic() {}

  /** SYN199 on {@code source}, for {@code failure} thrown by any stage, front end or generation. */
  public static Diagnostic of(SourceFile source, Throwable failure) {
    String where = failingMethod(failure).map(method -> " in " + method).orElse("");
    return Diagnostic.inFile(
        Severity.ERROR,
        DiagnosticCode.INTERNAL_ERROR,
        source.displayName(),
        "internal compiler error" + where + " (" + failure + "); the position in the model is unknown;"
            + " please report it with this model");
  }

  /** The innermost compiler frame, as "check.Resolver.declare" (its stage is its package). */
  private static Optional<String> failingMethod(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().startsWith(COMPILER_PACKAGE)) {
        return Optional.of(frame.getClassName().substring(COMPILER_PACKAGE.length()) + "." + frame.getMethodName());
      }
    }
    return Optional.empty();
  }
}
