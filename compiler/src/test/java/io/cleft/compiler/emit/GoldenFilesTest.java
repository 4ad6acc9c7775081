package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.optimize.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated source of three models is checked in (DecaySynapse for what a population keeps
 * of its parameters), so that any change to generated code shows
 * in review. After an intended change, regenerate with
 * {@code CLEFT_UPDATE_GOLDEN=true mvn -pl compiler -am test -Dtest=GoldenFilesTest
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"IonotropicSynapse", "IonotropicSynapseOde", "DecaySynapse", "TsodyksMarkram", "Exp2Syn", "IonotropicSynapseShared"})
  void generatedSourceMatchesGoldenFile(String model) throws IOException {
    String generated = JavaEmitter.emit(Optimizer.optimize(ModelSources.program(model)), "io.cleft.models", false).toString();
    Path golden = GOLDEN.resolve(model + ".java");
    if (Boolean.parseBoolean(System.getenv("CLEFT_UPDATE_GOLDEN"))) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, generated);
    }
    assertEquals(Files.readString(golden), generated, "generated code changed; see this test's doc to update " + golden);
  }
}
