package io.cleft.compiler.parse;

import static io.cleft.compiler.TestModels.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.ast.Section;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Doc strings: a backslash escapes the next character; \n and \t are a newline and a tab. */
class StringEscapeTest {
  private static Optional<String> docString(String literal) {
    String model = "synapse T {\n  parameters {\n    g = 1 uS " + literal + "\n  }\n  current = g * v_post\n}\n";
    return ((Section.Declarations) parse(model).sections().get(0)).declarations().get(0).docString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
    "\"plain text\"                 | plain text",
    "\"a \\\"quoted\\\" word\"      | a \"quoted\" word",
    "\"back\\\\slash\"              | back\\slash",
    "\"two\\nlines\"                | two\\nlines",
    "\"tab\\tstop\"                 | tab\\tstop",
    "\"unknown \\q escape\"         | unknown q escape",
    "\"\"                           | ''",
  })
  void escapesAreDecoded(String literal, String expected) {
    assertEquals(Optional.of(expected.replace("\\n", "\n").replace("\\t", "\t")), docString(literal));
  }
}
