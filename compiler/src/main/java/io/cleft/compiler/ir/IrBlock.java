package io.cleft.compiler.ir;

import java.util.List;

/**
 * Straight-line code: {@link #locals} computed in order, each from the inputs and the locals
 * before it, then {@link #results}. Locals are the model's own (named as in the model) followed
 * by temporaries the optimizer introduces for repeated subexpressions.
 */
public record IrBlock(List<IrLocal> locals, List<IrExpr> results) {
  public IrBlock {
    locals = List.copyOf(locals);
    results = List.copyOf(results);
  }
}
