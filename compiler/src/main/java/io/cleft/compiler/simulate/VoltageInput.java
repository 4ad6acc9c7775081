package io.cleft.compiler.simulate;

import io.cleft.compiler.table.CsvNumbers;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The value of {@code --v-pre} or {@code --v-post} as written: a number of mV, or the name of a
 * CSV trace with columns {@code t} and {@code v}.
 */
public record VoltageInput(OptionalDouble millivolts, Optional<String> file) {
  /**
   * A decimal number or a word for one that is not finite, whole: text that is meant as a number
   * even where Java does not read it as a finite one ({@code 1e999}, {@code nan}, {@code -inf}).
   */
  private static final Pattern NUMBER_LIKE =
      Pattern.compile("[+-]?((\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?|nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  /** NEURON's and Brian2's resting potential in the reference runs, -65 mV. */
  public static final VoltageInput RESTING = new VoltageInput(OptionalDouble.of(-65), Optional.empty());

  public VoltageInput {
    if (millivolts.isPresent() == file.isPresent()) {
      throw new IllegalArgumentException("a voltage is a number or a file, and not both");
    }
  }

  /**
   * A number if {@code text} is one, else a file name.
   *
   * @throws IllegalArgumentException with a message fit for a usage error, if {@code text} is
   *     written as a number but is not a finite one ({@code nan}, {@code -inf}, {@code 1e999}):
   *     no voltage, and surely not meant as a file
   */
  public static VoltageInput parse(String option, String text) {
    double value;
    try {
      value = CsvNumbers.parse(text);
    } catch (NumberFormatException e) {
      if (NUMBER_LIKE.matcher(text.strip()).matches()) {
        throw notAVoltage(option, text);
      }
      return new VoltageInput(OptionalDouble.empty(), Optional.of(text));
    }
    if (!Double.isFinite(value)) {
      throw notAVoltage(option, text);
    }
    return new VoltageInput(OptionalDouble.of(value), Optional.empty());
  }

  private static IllegalArgumentException notAVoltage(String option, String text) {
    return new IllegalArgumentException(
        option + " must be a finite number of mV or a CSV trace with columns t and v, not " + text);
  }
}
