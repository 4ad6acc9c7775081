package io.cleft.compiler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small models and files for the command-line tests, written to a test's temporary directory. */
final class TestModels {
  /** One state decaying as x * exp(-dt / tau); current g * x * v_post. */
  static final String DECAY =
      """
      /** A conductance that decays exponentially. */
      synapse Decay {
        parameters {
          g   = 2 uS  "peak conductance"
          tau = 4 ms  "decay time constant"
        }

        states {
          x = 0.5  "open fraction"
        }

        update {
          x = x * exp(-dt / tau)
        }

        current = g * x * v_post
      }
      """;

  /** The checked-in Jaxley-style model; surefire runs in the compiler module's directory. */
  static final String IONOTROPIC = "../models/src/main/syn/IonotropicSynapse.syn";

  /** Jaxley's reference vectors for {@link #IONOTROPIC}. */
  static final String IONOTROPIC_REFERENCE = "../models/src/test/resources/reference/jaxley/IonotropicSynapse.csv";

  private TestModels() {}

  static String write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, text);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
