package io.cleft.compiler.simulate;

import io.cleft.compiler.table.CsvNumbers;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The value of {@code --v-pre} or {@code --v-post} as written: a number of mV, or the name of a
 * CSV trace with columns {@code t} and {@code v}.
 */
public record VoltageInput(OptionalDouble millivolts, Optional<String> file) {
  /** NEURON's and Brian2's resting potential in the reference runs, -65 mV. */
  public static final VoltageInput RESTING = new VoltageInput(OptionalDouble.of(-65), Optional.empty());

  public VoltageInput {
    if (millivolts.isPresent() == file.isPresent()) {
      throw new IllegalArgumentException("a voltage is a number or a file, and not both");
    }
  }

  /** A number if {@code text} is one (a finite one), else a file name. */
  public static VoltageInput parse(String text) {
    try {
      double value = CsvNumbers.parse(text);
      if (Double.isFinite(value)) {
        return new VoltageInput(OptionalDouble.of(value), Optional.empty());
      }
    } catch (NumberFormatException e) {
      // not a number: a file
    }
    return new VoltageInput(OptionalDouble.empty(), Optional.of(text));
  }
}
