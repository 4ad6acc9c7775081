package io.cleft.compiler.ir;

import java.util.OptionalInt;

/**
 * A named value in a block.
 *
 * @param sourceLine the model line that defines it, for comments in generated code; empty for
 *     temporaries the compiler introduced
 */
public record IrLocal(String name, IrExpr value, OptionalInt sourceLine) {}
