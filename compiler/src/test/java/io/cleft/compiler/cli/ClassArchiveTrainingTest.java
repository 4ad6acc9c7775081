package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTrainingTest {
  @TempDir Path dir;

  @Test
  void everyCommandOfTheTrainingRunSucceedsOnTheCheckedInModel() throws Exception {
    // ./cleft keeps no archive unless the training succeeds: a command that broke would make
    // every start slow again without a word.
    assertTrue(ClassArchiveTraining.train(TestModels.IONOTROPIC, TestModels.IONOTROPIC_REFERENCE));
  }

  @Test
  void aTrainingRunThatFailsSaysSo() throws Exception {
    String broken = TestModels.write(dir, "Decay.syn", TestModels.DECAY.replace("-dt / tau", "-dt / tua"));

    assertFalse(ClassArchiveTraining.train(broken, TestModels.IONOTROPIC_REFERENCE));
  }
}
