package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.fail;

import io.cleft.compiler.ast.Expression;
import io.cleft.compiler.ast.Section;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.DiagnosticPrinter;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.parse.SynapseParser;
import io.cleft.compiler.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;

/** Parsing and compiling model text in tests, failing with the rendered diagnostics. */
public final class TestModels {
  private TestModels() {}

  /** Parses a whole model, which must have no syntax error. */
  public static SynapseDecl parse(String text) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    SourceFile source = new SourceFile("test.syn", text);
    SynapseDecl synapse = SynapseParser.parse(source, diagnostics).orElse(null);
    if (synapse == null || !diagnostics.all().isEmpty()) {
      fail("expected no diagnostics for:\n" + text + "\n" + rendered(diagnostics.all()));
    }
    return synapse;
  }

  /** Parses {@code text} as the current of a synapse on line 2, starting at column 13. */
  public static Expression parseExpression(String text) {
    SynapseDecl synapse = parse("synapse T {\n  current = " + text + "\n}\n");
    return ((Section.Current) synapse.sections().get(0)).value().orElseThrow();
  }

  /** Compiles a model that must have no errors (warnings are allowed). */
  public static IrProgram compile(String text) {
    Compilation compilation = Pipeline.compile(new SourceFile("test.syn", text));
    if (compilation.hasErrors() || compilation.program().isEmpty()) {
      fail("expected no errors for:\n" + text + "\n" + rendered(compilation.diagnostics()));
    }
    return compilation.program().get();
  }

  /** The parameters' defaults, in declaration order and declared units. */
  public static double[] defaultParameters(IrProgram program) {
    return program.model().parameters().stream().mapToDouble(Symbol.Parameter::defaultValue).toArray();
  }

  /** The states' initial values, in declaration order and declared units. */
  public static double[] initialStates(IrProgram program) {
    return program.model().states().stream().mapToDouble(Symbol.State::initialValue).toArray();
  }

  /**
   * The states after {@code steps} steps of {@code dt} from t = 0 through {@code interpreter}'s
   * update, with both voltages at 0.
   */
  public static double[] step(Interpreter interpreter, double[] parameters, double[] states, double dt, int steps) {
    double[] x = states.clone();
    for (int n = 0; n < steps; n++) {
      x = interpreter.update(parameters, x, n * dt, dt, 0, 0);
    }
    return x;
  }

  private static String rendered(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(DiagnosticPrinter::render).collect(Collectors.joining());
  }
}
