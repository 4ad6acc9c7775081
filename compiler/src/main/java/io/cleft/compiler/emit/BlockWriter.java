package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes one block as Java statements, a {@code double} local per IR local, each under a
 * comment with the model line it comes from. The scalar methods and the population loops use
 * the same writer, so they compute the same thing the same way.
 */
final class BlockWriter {
  static final String DT = "dt";
  static final String V_PRE = "vPre";
  static final String V_POST = "vPost";
  static final String T = "t";
  static final String WEIGHT = "weight";

  private final GenerationPlan plan;
  private final List<String> parameterNames = new ArrayList<>();
  private final List<String> stateNames = new ArrayList<>();
  private final List<String> localNames = new ArrayList<>();
  private final List<String> invariantNames = new ArrayList<>();
  private final ExpressionWriter expressions;
  /** For the invariants' own expressions, where {@code Local(k)} is the k-th invariant. */
  private final ExpressionWriter invariantExpressions;

  /**
   * @param names the method's allocator, with its parameters and loop variables already taken
   */
  BlockWriter(GenerationPlan plan, IrBlock block, NameAllocator names) {
    this.plan = plan;
    plan.parameters().forEach(p -> parameterNames.add(names.newName(p.name())));
    plan.states().forEach(s -> stateNames.add(names.newName(s.name())));
    plan.invariants().forEach(v -> invariantNames.add(names.newName(v.name())));
    block.locals().forEach(l -> localNames.add(names.newName(l.name())));
    this.expressions = new ExpressionWriter(this::read);
    this.invariantExpressions =
        new ExpressionWriter(e -> e instanceof IrExpr.Local l ? invariantNames.get(l.index()) : read(e));
  }

  String parameter(int index) {
    return parameterNames.get(index);
  }

  String state(int index) {
    return stateNames.get(index);
  }

  String invariant(int index) {
    return invariantNames.get(index);
  }

  private String read(IrExpr expr) {
    return reads.read(expr);
  }

  /** Each value by the name of its local, field or argument. */
  private final LeafReads reads =
      new LeafReads() {
        @Override
        public String visitParameter(IrExpr.Parameter parameter) {
          return parameterNames.get(parameter.index());
        }

        @Override
        public String visitState(IrExpr.State state) {
          return stateNames.get(state.index());
        }

        @Override
        public String visitLocal(IrExpr.Local local) {
          return localNames.get(local.index());
        }

        @Override
        public String visitInvariant(IrExpr.Invariant invariant) {
          return invariantNames.get(invariant.index());
        }

        @Override
        public String visitInput(IrExpr.Input input) {
          return input(input.input());
        }
      };

  static String input(IrInput input) {
    return switch (input) {
      case DT -> DT;
      case V_PRE -> V_PRE;
      case V_POST -> V_POST;
      case T -> T;
      case WEIGHT -> WEIGHT;
    };
  }

  /** {@code double name = value;} for every local, in order. */
  CodeBlock locals(IrBlock block) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = 0; i < block.locals().size(); i++) {
      IrLocal local = block.locals().get(i);
      code.add(plan.originComment(local.sourceLine()));
      code.addStatement("double $L = $L", localNames.get(i), expressions.write(local.value()));
    }
    return code.build();
  }

  /** {@code double name = value;} for the invariants listed, in the given order. */
  CodeBlock invariants(Collection<Integer> indices) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int k : indices) {
      IrLocal invariant = plan.invariants().get(k);
      code.add(plan.originComment(invariant.sourceLine()));
      code.addStatement("double $L = $L", invariantNames.get(k), invariantExpressions.write(invariant.value()));
    }
    return code.build();
  }

  CodeBlock expression(IrExpr expr) {
    return expressions.write(expr);
  }

}
