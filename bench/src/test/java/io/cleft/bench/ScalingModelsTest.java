package io.cleft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.check.Resolver;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.parse.SynapseParser;
import io.cleft.compiler.source.SourceFile;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compile-time benchmark's models ({@link ScalingModels}) are what it says they are: valid
 * (the whole pipeline accepts them up to the size limit), of exactly the asked number of update
 * statements, with the promised mix; and beyond the size limit rejected by the size check alone,
 * so that every pass can still be timed on them. Also the fit the benchmark reports.
 */
class ScalingModelsTest {
  @ParameterizedTest
  @ValueSource(ints = {5, 10, 30, 100, 300, 1000})
  void compilesWithoutErrors(int n) {
    Compilation compilation = Pipeline.compile(source(n));
    assertFalse(compilation.hasErrors(), () -> compilation.diagnostics().toString());
    assertTrue(compilation.program().isPresent());
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 10, 30, 100, 1000, 10_000})
  void hasExactlyTheAskedNumberOfUpdateStatements(int n) {
    SynapseModel model = model(n);
    assertEquals(n, model.locals().size() + model.updates().size());
  }

  @Test
  void hasEveryMethodANextValueAHandlerAndACurrentReadingSeveralStates() {
    SynapseModel model = model(100);
    Set<OdeMethod> methods = EnumSet.noneOf(OdeMethod.class);
    boolean nextValue = false;
    for (StateUpdate update : model.updates()) {
      if (update instanceof StateUpdate.Derivative d) {
        methods.add(d.method());
      } else {
        nextValue = true;
      }
    }
    assertEquals(
        EnumSet.of(OdeMethod.EXPONENTIAL_EULER, OdeMethod.EULER, OdeMethod.RK2, OdeMethod.RK4, OdeMethod.EXACT,
            OdeMethod.IMPLICIT_EULER),
        methods);
    assertTrue(nextValue);
    assertEquals(1, model.handlers().size());
    assertTrue(ScalingModels.generate(100).contains("current = gS * (x_0 + x_1 + x_2"));
  }

  @Test
  void theLargestIsRejectedBySizeAloneSoEveryPassCanBeTimedOnIt() {
    List<Diagnostic> errors =
        Pipeline.compile(source(10_000)).diagnostics().stream().filter(Diagnostic::isError).toList();
    assertFalse(errors.isEmpty());
    errors.forEach(e -> assertEquals(DiagnosticCode.GENERATED_METHOD_TOO_LARGE, e.code(), e::toString));
  }

  @Test
  void sameSizeSameText() {
    assertEquals(ScalingModels.generate(300), ScalingModels.generate(300));
  }

  @Test
  void fitsTheExponentOfAPowerLaw() {
    List<double[]> points = List.of(10, 100, 1000).stream()
        .map(n -> new double[] {Math.log(n), Math.log(3 * Math.pow(n, 1.5))})
        .toList();
    assertEquals(1.5, CompileTimeScaling.slope(points), 1e-12);
  }

  private static SourceFile source(int n) {
    return new SourceFile("Scaling" + n + ".syn", ScalingModels.generate(n));
  }

  private static SynapseModel model(int n) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    SynapseModel model =
        Resolver.resolve(SynapseParser.parse(source(n), diagnostics).orElseThrow(), diagnostics);
    assertFalse(diagnostics.hasErrors(), () -> diagnostics.all().toString());
    return model;
  }
}
