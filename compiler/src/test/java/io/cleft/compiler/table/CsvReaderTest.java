package io.cleft.compiler.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private final DiagnosticCollector diagnostics = new DiagnosticCollector();

  private Optional<CsvTable> read(String text) {
    return CsvReader.read(new SourceFile("t.csv", text), diagnostics);
  }

  private static List<String> texts(CsvRecord record) {
    return record.fields().stream().map(CsvField::text).toList();
  }

  private List<String> headlines() {
    return diagnostics.all().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
    CsvTable table = read("a,\"b,c\",\"say \"\"hi\"\"\"\n1,\"2\r\n3\",\"\"\n").orElseThrow();

    assertEquals(List.of(), headlines());
    assertEquals(List.of("a", "b,c", "say \"hi\""), texts(table.header()));
    assertEquals(List.of("1", "2\r\n3", ""), texts(table.rows().get(0)));
  }

  @Test
  void spansPointAtFieldsAndRowsStartOnTheirLine() {
    CsvTable table = read("a,b\r\n  1 ,\"2\"\r\n\n3,4").orElseThrow();

    assertEquals(List.of("t.csv:3:1: error: line 3 is blank; only the last lines of a file may be [SYN102]"), headlines());
    assertEquals(2, table.rows().size(), "the blank line is not a row");
    CsvRecord row = table.rows().get(0);
    assertEquals(2, row.line());
    assertEquals(3, row.fields().get(0).span().column());
    assertEquals(4, row.fields().get(0).span().endColumn());
    assertEquals(6, row.fields().get(1).span().column());
    assertEquals(9, row.fields().get(1).span().endColumn());
  }

  @Test
  void blankLinesAtTheEndAreIgnored() {
    CsvTable table = read("a\n1\n\n  \n").orElseThrow();

    assertEquals(List.of(), headlines());
    assertEquals(1, table.rows().size());
  }

  @Test
  void aHeaderOnlyFileHasNoRows() {
    CsvTable table = read("a,b").orElseThrow();

    assertEquals(List.of("a", "b"), texts(table.header()));
    assertTrue(table.rows().isEmpty());
  }

  @Test
  void strayQuotesAreErrors() {
    read("a,b\nx\"y,\"z\" w\n");

    assertEquals(
        List.of(
            "t.csv:2:2: error: unexpected '\"' in an unquoted field; quote the whole field and double the '\"' [SYN102]",
            "t.csv:2:9: error: unexpected 'w' after the closing quote of a field [SYN102]"),
        headlines());
  }

  @Test
  void aBlankFirstLineIsNoHeader() {
    assertFalse(read("\na,b\n").isPresent());
    assertEquals(List.of("t.csv:1:1: error: line 1 is blank; expected a header row [SYN102]"), headlines());
  }
}
