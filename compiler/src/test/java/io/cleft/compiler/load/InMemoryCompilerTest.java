package io.cleft.compiler.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.ModelSources;
import io.cleft.compiler.emit.JavaEmitter;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.ArraySynapse;
import org.junit.jupiter.api.Test;

/** Generated code and source text are compiled alike, and javac's rejection names the class and line. */
class InMemoryCompilerTest {
  private static final JavaFile EXP_SYN =
      JavaEmitter.emit(Optimizer.optimize(ModelSources.program("ExpSyn")), "cleft.test.text", false);

  @Test
  void sourceTextCompilesToTheSameSynapseAsItsJavaFile() {
    ArraySynapse fromFile = (ArraySynapse) InMemoryCompiler.load(EXP_SYN);
    ArraySynapse fromText = (ArraySynapse) InMemoryCompiler.load("cleft.test.text.ExpSyn", EXP_SYN.toString());
    assertEquals(fromFile.metadata().parameters(), fromText.metadata().parameters());
    double[] parameters = fromFile.metadata().parameters().stream().mapToDouble(q -> q.defaultValue()).toArray();
    double[] states = {0.3};
    double[] next = new double[1];
    double[] nextFromText = new double[1];
    fromFile.update(parameters, states, 0.0, 0.025, -20.0, -65.0, next);
    fromText.update(parameters, states, 0.0, 0.025, -20.0, -65.0, nextFromText);
    assertArrayEquals(next, nextFromText);
  }

  @Test
  void rejectedTextNamesTheClassAndTheLine() {
    assertTrue(EXP_SYN.toString().contains("class ExpSyn extends ArraySynapse {"));
    String broken = EXP_SYN.toString().replace("class ExpSyn extends ArraySynapse {", "class ExpSyn extends ArraySynapse implements Missing {");
    InMemoryCompiler.CompilationFailedException e =
        assertThrows(
            InMemoryCompiler.CompilationFailedException.class,
            () -> InMemoryCompiler.load("cleft.test.text.ExpSyn", broken));
    assertTrue(e.getMessage().startsWith("javac rejected the generated cleft.test.text.ExpSyn:\n"), e.getMessage());
    assertTrue(e.getMessage().contains("ERROR at line "), e.getMessage());
  }
}
