package io.cleft.compiler.check;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.KineticScheme;
import io.cleft.compiler.model.Statement;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a conservation law against the initial values, where both are known at compile time:
 * the law's states start at their declared values ({@code initial} assigns none of them) and the
 * total is made of literals and constants. A sum that differs from the total by more than
 * rounding is an error (SYN128), not a warning: the first step would replace the last state by
 * {@code total - others}, a jump the modeller did not write. Where a total reads a parameter, or
 * {@code initial} computes a state, the values are known only at run time, and the law holds
 * from the first step on.
 */
final class KineticInitialValues {
  /** Relative to the sum of the magnitudes: far above the rounding of a sum of declared decimals. */
  private static final double TOLERANCE = 1e-9;

  private KineticInitialValues() {}

  static void check(KineticScheme.Conservation law, List<Statement> initial, DiagnosticCollector diagnostics) {
    Optional<Double> total = ConstantValue.of(law.total());
    if (total.isEmpty()) {
      return;
    }
    Set<Symbol> assigned = new HashSet<>();
    Statement.forEachAssignment(initial, assignment -> assigned.add(assignment.target()));
    List<Symbol.State> states = new ArrayList<>(law.others());
    states.add(law.replaced());
    if (states.stream().anyMatch(assigned::contains)) {
      return;
    }
    double sum = 0;
    double magnitude = Math.abs(total.get());
    List<String> values = new ArrayList<>();
    for (Symbol.State state : states) {
      // In the working unit, as the total is: the states may be declared in different units of one dimension.
      double value = state.initialValue() * state.unit().toCanonicalFactor().doubleValue();
      sum += value;
      magnitude += Math.abs(value);
      values.add(state.name() + " = " + Literals.scientific(java.math.BigDecimal.valueOf(value)));
    }
    if (Math.abs(sum - total.get()) > TOLERANCE * magnitude) {
      diagnostics.error(
          DiagnosticCode.LAW_VIOLATED_INITIALLY,
          law.span(),
          "the initial values violate the conservation law: " + String.join(", ", values) + " add up to "
              + Literals.scientific(java.math.BigDecimal.valueOf(sum)) + ", not " + Literals.scientific(java.math.BigDecimal.valueOf(total.get()))
              + " (in working units); change the initial values under 'states', or compute them in 'initial'");
    }
  }
}
