package io.cleft.compiler.evaluate;

import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.MathMode;
import io.cleft.runtime.ArraySynapse;

/** One synapse's update and current on arrays, by the interpreter or by generated code. */
interface ModelRunner {
  double[] update(double[] parameters, double[] states, double dt, double vPre, double vPost);

  double current(double[] parameters, double[] states, double vPre, double vPost);

  static ModelRunner interpreted(IrProgram program) {
    Interpreter interpreter = new Interpreter(program);
    return new ModelRunner() {
      @Override
      public double[] update(double[] parameters, double[] states, double dt, double vPre, double vPost) {
        return interpreter.update(parameters, states, dt, vPre, vPost);
      }

      @Override
      public double current(double[] parameters, double[] states, double vPre, double vPost) {
        return interpreter.current(parameters, states, vPre, vPost);
      }
    };
  }

  /** The generated class, optimised as {@code cleft compile} writes it, compiled in memory. */
  static ModelRunner generated(IrProgram program, MathMode mathMode) {
    ArraySynapse synapse =
        (ArraySynapse) InMemoryCompiler.load(Pipeline.generate(program, new GenerationOptions(mathMode, "cleft.eval")));
    return new ModelRunner() {
      @Override
      public double[] update(double[] parameters, double[] states, double dt, double vPre, double vPost) {
        double[] next = new double[states.length];
        synapse.update(parameters, states, dt, vPre, vPost, next);
        return next;
      }

      @Override
      public double current(double[] parameters, double[] states, double vPre, double vPost) {
        return synapse.current(parameters, states, vPre, vPost);
      }
    };
  }
}
