package io.cleft.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Limits;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.units.Unit;
import io.cleft.compiler.units.UnitTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A constant {@code c = LITERAL UNIT} with random literals (mantissas of up to 30 digits,
 * exponents from small to beyond a long) and random units (prefixed symbols to powers well
 * beyond the limit) never throws: it is either converted exactly, the literal times the exact
 * factor to the working unit rounded once, or it gets the one diagnostic an independent oracle
 * predicts, at the literal's line.
 */
class LiteralsAndUnitsPropertyTest {
  private static final List<String> SYMBOLS = List.of("mV", "A", "pA", "us", "ms", "m", "um", "g", "mol", "M", "kOhm", "h");

  record Literal(String text, String mantissa, long exponent) {}

  record WrittenUnit(String symbol, Optional<Integer> exponent) {
    String text() {
      return symbol + exponent.map(e -> "^" + e).orElse("");
    }
  }

  @Provide
  Arbitrary<Literal> literals() {
    Arbitrary<String> integer = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30);
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(30);
    Arbitrary<Long> smallExponent = Arbitraries.longs().between(-400, 400);
    Arbitrary<Long> largeExponent = Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L);
    Arbitrary<Optional<Long>> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(Optional.<Long>empty()),
            smallExponent.map(Optional::of),
            smallExponent.map(Optional::of),
            largeExponent.map(Optional::of));
    Arbitrary<Boolean> withPoint = Arbitraries.of(true, false);
    Arbitrary<Integer> padding = Arbitraries.integers().between(0, 3);
    return Combinators.combine(integer, withPoint, fraction, exponent, padding)
        .as((i, point, f, e, zeros) -> {
          String mantissa = point ? i + "." + f : i;
          if (e.isEmpty()) {
            return new Literal(mantissa, mantissa, 0);
          }
          String digits = "0".repeat(zeros) + Math.abs(e.get());
          return new Literal(mantissa + "e" + (e.get() < 0 ? "-" : "") + digits, mantissa, e.get());
        });
  }

  @Provide
  Arbitrary<WrittenUnit> units() {
    Arbitrary<Optional<Integer>> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(Optional.<Integer>empty()),
            Arbitraries.integers().between(-70, 70).map(Optional::of),
            Arbitraries.integers().between(-70, 70).map(Optional::of),
            Arbitraries.integers().between(-2_000_000_000, 2_000_000_000).map(Optional::of));
    return Combinators.combine(Arbitraries.of(SYMBOLS), exponent).as(WrittenUnit::new);
  }

  @Property(tries = 3000)
  void aConstantIsConvertedExactlyOrGetsThePredictedDiagnostic(
      @ForAll("literals") Literal literal, @ForAll("units") WrittenUnit unit) {
    String text = "synapse P {\n  parameters { g = 1 uS }\n  constants {\n    c = " + literal.text() + " " + unit.text()
        + "\n  }\n  current = g * v_post\n}\n";
    Compilation compilation = Pipeline.compile(new SourceFile("P.syn", text));
    List<String> errors =
        compilation.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> d.span().orElseThrow().line() + " " + d.code().id())
            .toList();
    List<String> predicted = predictedErrors(literal, unit).stream().map(code -> "4 " + code).toList();
    assertEquals(predicted, errors, text);
    if (predicted.isEmpty()) {
      double canonical = compilation.program().orElseThrow().model().constants().get(0).canonicalValue();
      assertEquals(exact(literal).multiply(factor(unit)).doubleValue(), canonical, text);
    }
  }

  @Example
  void zeroWithAnyExponentIsZero() {
    for (String zero : new String[] {"0e99999999999", "0.000e-2147483649", "0e2147483648"}) {
      String text = "synapse P {\n  parameters { g = 1 uS }\n  constants { c = " + zero + " mV }\n  current = g * v_post\n}\n";
      Compilation compilation = Pipeline.compile(new SourceFile("P.syn", text));
      assertEquals(0.0, compilation.program().orElseThrow().model().constants().get(0).canonicalValue(), zero);
    }
  }

  @Example
  void aLiteralAtTheLengthLimitIsReadAndOneCharacterMoreIsAnError() {
    // 0.000...01e(n) is 1e-4 whatever its length.
    for (int length : new int[] {Limits.MAX_LITERAL_LENGTH, Limits.MAX_LITERAL_LENGTH + 1}) {
      int zeros = length - 7;
      String literal = "0." + "0".repeat(zeros) + "1e" + (zeros - 3);
      assertEquals(length, literal.length());
      String text = "synapse P {\n  parameters { g = 1 uS }\n  constants { c = " + literal + " }\n  current = g * v_post\n}\n";
      Compilation compilation = Pipeline.compile(new SourceFile("P.syn", text));
      if (length <= Limits.MAX_LITERAL_LENGTH) {
        assertEquals(1e-4, compilation.program().orElseThrow().model().constants().get(0).canonicalValue());
      } else {
        assertEquals(List.of("SYN013"), compilation.diagnostics().stream().map(d -> d.code().id()).toList());
      }
    }
  }

  /**
   * What cleft must report, in order, computed without cleft's own literal reader: a bad unit
   * exponent alone (a syntax error stops the compilation), or an out-of-range literal and an
   * out-of-range unit (both found while checking), or a value out of range once converted.
   */
  private static List<String> predictedErrors(Literal literal, WrittenUnit unit) {
    if (unit.exponent().isPresent() && Math.abs((long) unit.exponent().get()) > Limits.MAX_UNIT_EXPONENT) {
      return List.of("SYN007");
    }
    Unit resolved = resolve(unit);
    boolean unitInRange = resolved.dimension().largestExponent() <= Limits.MAX_UNIT_EXPONENT;
    List<String> errors = new ArrayList<>();
    literalError(literal).ifPresent(errors::add);
    if (!unitInRange) {
      errors.add("SYN048");
    }
    if (errors.isEmpty()) {
      BigDecimal converted = exact(literal).multiply(resolved.toCanonicalFactor());
      double value = converted.doubleValue();
      if (Double.isInfinite(value)) {
        errors.add("SYN063");
      } else if (value == 0 && converted.signum() != 0) {
        errors.add("SYN064");
      }
    }
    return errors;
  }

  private static Optional<String> literalError(Literal literal) {
    BigDecimal mantissa = new BigDecimal(literal.mantissa());
    if (mantissa.signum() == 0) {
      return Optional.empty();
    }
    if (Math.abs(literal.exponent()) > Integer.MAX_VALUE / 2) {
      // Out of BigDecimal's reach; 30 digits of mantissa cannot bring it back.
      return Optional.of(literal.exponent() > 0 ? "SYN005" : "SYN006");
    }
    double written = exact(literal).doubleValue();
    if (Double.isInfinite(written)) {
      return Optional.of("SYN005");
    }
    if (written == 0) {
      return Optional.of("SYN006");
    }
    return Optional.empty();
  }

  private static BigDecimal exact(Literal literal) {
    BigDecimal mantissa = new BigDecimal(literal.mantissa());
    return mantissa.signum() == 0 ? mantissa : mantissa.scaleByPowerOfTen((int) literal.exponent());
  }

  private static BigDecimal factor(WrittenUnit unit) {
    return resolve(unit).toCanonicalFactor();
  }

  private static Unit resolve(WrittenUnit unit) {
    Unit symbol = UnitTable.lookup(unit.symbol()).orElseThrow();
    return unit.exponent().map(symbol::power).orElse(symbol);
  }
}
