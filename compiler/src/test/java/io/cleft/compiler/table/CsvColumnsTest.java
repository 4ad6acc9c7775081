package io.cleft.compiler.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import org.junit.jupiter.api.Test;

/** CSV positions count columns as model positions do: in code points (see LineMap). */
class CsvColumnsTest {
  @Test
  void aCharacterOutsideTheBmpIsOneColumn() {
    CsvTable table =
        CsvReader.read(new SourceFile("t.csv", "\uD83D\uDE00,dt\n1,2\n"), new DiagnosticCollector()).orElseThrow();

    SourceSpan dt = table.header().fields().get(1).span();
    assertEquals("1:3-1:5", dt.line() + ":" + dt.column() + "-" + dt.endLine() + ":" + dt.endColumn());
  }
}
