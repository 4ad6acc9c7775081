package io.cleft.compiler.evaluate;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.runtime.ArraySynapse;

/** One synapse's initial states, update and current on arrays, by the interpreter or by generated code. */
interface ModelRunner {
  double[] initial(double[] parameters);

  double[] update(double[] parameters, double[] states, double t, double dt, double vPre, double vPost);

  double current(double[] parameters, double[] states, double t, double vPre, double vPost);

  static ModelRunner interpreted(IrProgram program) {
    Interpreter interpreter = new Interpreter(program);
    return new ModelRunner() {
      @Override
      public double[] initial(double[] parameters) {
        return interpreter.initial(parameters);
      }

      @Override
      public double[] update(double[] parameters, double[] states, double t, double dt, double vPre, double vPost) {
        return interpreter.update(parameters, states, t, dt, vPre, vPost);
      }

      @Override
      public double current(double[] parameters, double[] states, double t, double vPre, double vPost) {
        return interpreter.currentTerms(parameters, states, t, vPre, vPost)[IrProgram.CURRENT];
      }
    };
  }

  /**
   * The generated class, as {@code cleft compile} writes it in {@code mode}, compiled in memory.
   * In SIMD mode the rows run through the population's strip loops ({@link PopulationRunner}):
   * SIMD mode changes only those, not the per-synapse {@code update}.
   */
  static ModelRunner generated(IrProgram program, CodeMode mode) {
    ArraySynapse synapse =
        (ArraySynapse) InMemoryCompiler.load(Pipeline.generate(program, new GenerationOptions(mode, "cleft.eval")));
    if (mode.simd()) {
      return new PopulationRunner(synapse);
    }
    return new ModelRunner() {
      /** The generated population's {@code initialize()}, on a population of one synapse. */
      @Override
      public double[] initial(double[] parameters) {
        return PopulationRunner.initialStates(synapse, new int[] {0}, new int[] {0}, parameters);
      }

      @Override
      public double[] update(double[] parameters, double[] states, double t, double dt, double vPre, double vPost) {
        double[] next = new double[states.length];
        synapse.update(parameters, states, t, dt, vPre, vPost, next);
        return next;
      }

      @Override
      public double current(double[] parameters, double[] states, double t, double vPre, double vPost) {
        return synapse.current(parameters, states, t, vPre, vPost);
      }
    };
  }
}
