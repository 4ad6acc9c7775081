package io.cleft.compiler;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * What compiling one model file gave: its diagnostics, and the lowered program when there were
 * no errors.
 */
public record Compilation(SourceFile source, List<Diagnostic> diagnostics, Optional<IrProgram> program) {
  public Compilation {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
