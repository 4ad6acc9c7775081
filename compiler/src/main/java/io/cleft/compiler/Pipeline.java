package io.cleft.compiler;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.check.ClassNameChecker;
import io.cleft.compiler.check.GeneratedSizeChecker;
import io.cleft.compiler.check.Resolver;
import io.cleft.compiler.check.UnitChecker;
import io.cleft.compiler.check.UntouchedEquations;
import io.cleft.compiler.check.UsageChecker;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.emit.JavaEmitter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.lower.Lowering;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.parse.SynapseParser;
import io.cleft.compiler.solve.OdeSolver;
import io.cleft.compiler.source.SourceFile;
import java.util.Optional;

/**
 * The compiler's stages, in order. Each model file goes through on its own; diagnostics are
 * collected, and as much is checked in one run as can be without reporting consequences of an
 * error already reported (docs/LANGUAGE.md, "Diagnostics", says what comes together):
 *
 * <ol>
 *   <li>parse: text to AST ({@link SynapseParser}), within {@link Limits}; a syntax error stops here;
 *   <li>check: that the synapse's name can name a Java class ({@link ClassNameChecker}),
 *       names and declarations ({@link Resolver}), then dimensions
 *       ({@link UnitChecker}) over the same model, so one run reports both kinds of error
 *       (an unresolved name is checked as no type at all, so it causes no unit error), also on
 *       the right-hand sides of rejected statements; without errors, that its generated class
 *       fits Java's limits ({@link GeneratedSizeChecker}); then warnings about unused
 *       declarations ({@link UsageChecker}), only without errors;
 *   <li>solve: ODEs to next values ({@link OdeSolver}), proving linearity where the method
 *       needs it; after check errors, only for the equations no error touches
 *       ({@link UntouchedEquations}), to report what is not linear, and no further;
 *   <li>lower: to the IR's kernels (initial values, update, current, one per event handler),
 *       units made explicit, the blocks that run in order in single-assignment form
 *       ({@link Lowering});
 * </ol>
 *
 * <p>and, for a program that passed, {@link #generate}:
 *
 * <ol start="5">
 *   <li>optimize: folding, opt-in fast math, hoisting, common subexpressions ({@link Optimizer});
 *   <li>emit: the Java class ({@link JavaEmitter}).
 * </ol>
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * The Java class of a program {@link #compile} produced, optimised as {@code options} say, on a
   * thread with a large stack.
   */
  public static JavaFile generate(IrProgram program, GenerationOptions options) {
    return LargeStack.call(() -> JavaEmitter.emit(Optimizer.optimize(program, options.mode().math()), options.packageName(), options.mode().simd()));
  }

  /** Compiles one model, on a thread with a large stack ({@link LargeStack}). */
  public static Compilation compile(SourceFile source) {
    return LargeStack.call(() -> compileHere(source));
  }

  private static Compilation compileHere(SourceFile source) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    Optional<IrProgram> program;
    try {
      program = run(source, diagnostics);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      // A bug in cleft must not take down the other models of the run: report it on this one.
      diagnostics.add(InternalErrorDiagnostic.of(source, e));
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
    Resolver.Resolution resolution = Resolver.resolveAll(syntax.get(), diagnostics);
    SynapseModel model = resolution.model();
    UnitChecker.check(model, resolution.rejectedValues(), diagnostics);
    if (diagnostics.hasErrors()) {
      // Still prove the equations no error touches linear, so that one run reports that too.
      OdeSolver.solve(UntouchedEquations.of(model, diagnostics.all()), diagnostics);
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
