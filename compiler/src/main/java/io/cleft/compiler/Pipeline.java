package io.cleft.compiler;

import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.check.ClassNameChecker;
import io.cleft.compiler.check.GeneratedSizeChecker;
import io.cleft.compiler.check.Resolver;
import io.cleft.compiler.check.UnitChecker;
import io.cleft.compiler.check.UsageChecker;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.lower.Lowering;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.parse.SynapseParser;
import io.cleft.compiler.solve.OdeSolver;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * The compiler's stages, in order. Each model file goes through on its own; diagnostics are
 * collected, and a stage runs only if the ones before it found no errors:
 *
 * <ol>
 *   <li>parse: text to AST ({@link SynapseParser});
 *   <li>check: that the synapse's name can name a Java class ({@link ClassNameChecker}),
 *       names and declarations ({@link Resolver}), then dimensions
 *       ({@link UnitChecker}) over the same model, so one run reports both kinds of error;
 *       that its generated class fits Java's limits ({@link GeneratedSizeChecker}); then
 *       warnings about unused declarations ({@link UsageChecker});
 *   <li>solve: ODEs to next values ({@link OdeSolver}), proving linearity where the method
 *       needs it;
 *   <li>lower: to the IR, units made explicit ({@link Lowering}).
 * </ol>
 */
public final class Pipeline {
  private Pipeline() {}

  public static Compilation compile(SourceFile source) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    Optional<IrProgram> program;
    try {
      program = run(source, diagnostics);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      // A bug in cleft must not take down the other models of the run: report it on this one.
      diagnostics.error(
          DiagnosticCode.INTERNAL_ERROR,
          new SourceSpan(source, 1, 1, 1, 1),
          "internal compiler error (" + e + "); please report it with this model");
      program = Optional.empty();
    }
    return new Compilation(source, diagnostics.all(), program);
  }

  private static Optional<IrProgram> run(SourceFile source, DiagnosticCollector diagnostics) {
    Optional<SynapseDecl> syntax = SynapseParser.parse(source, diagnostics);
    if (syntax.isEmpty() || diagnostics.hasErrors()) {
      return Optional.empty();
    }
    ClassNameChecker.check(syntax.get(), diagnostics);
    SynapseModel model = Resolver.resolve(syntax.get(), diagnostics);
    UnitChecker.check(model, diagnostics);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    GeneratedSizeChecker.check(model, syntax.get().name().span(), diagnostics);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    UsageChecker.check(model, diagnostics);
    Optional<SynapseModel> solved = OdeSolver.solve(model, diagnostics);
    if (solved.isEmpty() || diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(Lowering.lower(solved.get()));
  }
}
