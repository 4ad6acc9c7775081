package io.cleft.compiler.cli;

import io.cleft.compiler.table.CsvNumbers;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads --check's TOL with the CSV number syntax and rejects negative and NaN tolerances, which
 * would fail or pass every check whatever the data; picocli turns the rejection into a usage
 * error.
 */
public final class ToleranceConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    double tolerance;
    try {
      tolerance = CsvNumbers.parse(value);
    } catch (NumberFormatException e) {
      throw notATolerance(value);
    }
    if (!(tolerance >= 0)) {
      throw notATolerance(value);
    }
    return tolerance;
  }

  private static TypeConversionException notATolerance(String value) {
    return new TypeConversionException("'" + value + "' is not a non-negative number");
  }
}
