package io.cleft.compiler.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaText}: whatever the model text, the generated comment, Javadoc and string literal
 * are printable ASCII without a unicode escape, the comment and the Javadoc cannot end early,
 * and javac compiles all three without a warning, the literal reading back as the very text.
 */
class JavaTextTest {
  private static final char LINE_SEPARATOR = (char) 0x2028;
  private static final char NEXT_LINE = (char) 0x85;
  private static final char RIGHT_TO_LEFT_OVERRIDE = (char) 0x202e;
  private static final char ZERO_WIDTH_SPACE = (char) 0x200b;
  private static final char LONE_HIGH_SURROGATE = (char) 0xd834;

  /** What main's robustness test and javac's own rule agree is a unicode escape (JLS 3.3). */
  static boolean containsUnicodeEscape(String source) {
    int backslashes = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == 'u' && backslashes % 2 == 1) {
        return true;
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return false;
  }

  private static boolean isPrintableAscii(String text, boolean newlinesAllowed) {
    return text.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || (newlinesAllowed && c == '\n'));
  }

  @Test
  void aUnicodeEscapeOfALineBreakInAModelCommentStaysInTheComment() {
    String line = "s = s * 0.5 // \\u000a System.out.println(\"injected\");";
    String comment = JavaText.lineComment(line);
    assertFalse(containsUnicodeEscape(comment), comment);
    assertEquals("s = s * 0.5 // \\\\u000a System.out.println(\"injected\");", comment);
  }

  @Test
  void backslashRunsOfAnyLengthBeginNoEscape() {
    for (String text : new String[] {"\\u", "\\\\u", "\\\\\\u0041", "C:\\users\\lab", "\\", "x\\"}) {
      assertFalse(containsUnicodeEscape(JavaText.lineComment(text)), text);
      assertFalse(containsUnicodeEscape(JavaText.javadoc(text)), text);
      assertFalse(containsUnicodeEscape(JavaText.stringLiteral(text)), text);
    }
  }

  @Test
  void javadocCannotEndOpenOrTag() {
    assertFalse(JavaText.javadoc("maximal */ conductance").contains("*/"));
    assertFalse(JavaText.javadoc("1 / /* per */ ms").contains("/*"));
    assertFalse(JavaText.javadoc("1 / /* per */ ms").contains("*/"));
    assertEquals("&#64;deprecated use gC", JavaText.javadoc("@deprecated use gC"));
    assertEquals("{&#64;code x} &lt;b&gt; &amp;", JavaText.javadoc("{@code x} <b> &"));
  }

  @Test
  void lineBreaksOfEveryKindAreJavadocLineBreaksAndNeverInAComment() {
    String text = "a\r\nb\rc" + LINE_SEPARATOR + "d" + NEXT_LINE + "e";
    assertEquals("a\nb\nc\nd\ne", JavaText.javadoc(text));
    assertEquals("a\\\\r\\\\nb\\\\rcU+2028dU+0085e", JavaText.lineComment(text));
  }

  @Test
  void invisibleCharactersAreNamedAndVisibleOnesShown() {
    assertEquals("aU+202EbU+200Bc", JavaText.javadoc("a" + RIGHT_TO_LEFT_OVERRIDE + "b" + ZERO_WIDTH_SPACE + "c"));
    assertEquals("&#xB5;S &#x1D11E; U+D834", JavaText.javadoc((char) 0xb5 + "S " + Character.toString(0x1d11e) + " " + LONE_HIGH_SURROGATE));
  }

  @Test
  void stringsBeyondAsciiAreConstantConcatenations() {
    assertEquals("(\"caf\" + (char) 233)", JavaText.stringLiteral("caf" + (char) 233));
    assertEquals("(\"\" + (char) 8232 + \"b\")", JavaText.stringLiteral(LINE_SEPARATOR + "b"));
    assertEquals("\"a\\\"\\\\\\n\\000\\177\"", JavaText.stringLiteral("a\"\\\n" + (char) 0 + (char) 0x7f));
  }

  /** A doc string longer than a class file's constant can hold (65,535 bytes of UTF-8). */
  @Test
  void textLongerThanAConstantCanHoldCompilesAndRoundTrips() throws ReflectiveOperationException {
    String text = ("long doc " + (char) 0x20ac + LINE_SEPARATOR + "\\u000a ").repeat(8000);
    assertTrue(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65_535);
    assertCompilesAndRoundTrips(text, false);
  }

  /** Strings made of what is dangerous in Java source, and strings of any characters at all. */
  @Provide
  Arbitrary<String> modelText() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withChars("\\u*/@{}\"' \n\r\t0aA<>&;")
            .withChars(LINE_SEPARATOR, NEXT_LINE, RIGHT_TO_LEFT_OVERRIDE, ZERO_WIDTH_SPACE, LONE_HIGH_SURROGATE, (char) 0, (char) 0x0b, (char) 0x0c, (char) 0x7f)
            .ofMaxLength(30),
        Arbitraries.strings().all().ofMaxLength(20));
  }

  @Property(tries = 2000)
  void everyFormIsPrintableAsciiWithoutAnEscapeAndCannotEndEarly(@ForAll("modelText") String text) {
    String comment = JavaText.lineComment(text);
    String javadoc = JavaText.javadoc(text);
    String literal = JavaText.stringLiteral(text);
    assertTrue(isPrintableAscii(comment, false), comment);
    assertTrue(isPrintableAscii(javadoc, true), javadoc);
    assertTrue(isPrintableAscii(literal, false), literal);
    assertFalse(containsUnicodeEscape(comment), comment);
    assertFalse(containsUnicodeEscape(javadoc), javadoc);
    assertFalse(containsUnicodeEscape(literal), literal);
    assertFalse(javadoc.contains("*/") || javadoc.contains("/*") || javadoc.contains("@"), javadoc);
  }

  /**
   * The real test: javac, lint-clean, on a class whose Javadoc, comment, constant and
   * {@code case} label are the text, written through JavaPoet as the emitter writes them; the
   * loaded class gives the text back, from the constant and through the switch.
   */
  @Property(tries = 60)
  void javacCompilesEveryFormAndTheLiteralIsTheText(@ForAll("modelText") String text) throws ReflectiveOperationException {
    assertCompilesAndRoundTrips(text, true);
  }

  /** @param asCase whether the text is also a {@code case} label, which needs a constant */
  private static void assertCompilesAndRoundTrips(String text, boolean asCase) throws ReflectiveOperationException {
    String literal = JavaText.stringLiteral(text);
    TypeSpec type =
        TypeSpec.classBuilder("Text")
            .addJavadoc("$L\n", JavaText.javadoc(text))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(
                FieldSpec.builder(String.class, "TEXT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("$L\n", JavaText.javadoc(text))
                    .initializer("$L", literal)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("isText")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(TypeName.BOOLEAN)
                    .addParameter(String.class, "candidate")
                    .addCode("// $L\n", JavaText.lineComment(text))
                    .addCode(
                        asCase
                            ? CodeBlock.builder()
                                .beginControlFlow("switch (candidate)")
                                .addStatement("case $L: return true", literal)
                                .addStatement("default: return false")
                                .endControlFlow()
                                .build()
                            : CodeBlock.of("return candidate.equals(TEXT);\n"))
                    .build())
            .build();
    JavaFile file = JavaFile.builder("text", type).addFileComment("$L", JavaText.lineComment(text)).build();
    Compilation compilation = javac().withOptions("--release", "17", "-Xlint:all", "-Werror").compile(file.toJavaFileObject());
    assertThat(compilation).succeededWithoutWarnings();

    Class<?> loaded = load(compilation, "text.Text");
    assertEquals(text, loaded.getField("TEXT").get(null));
    Method isText = loaded.getMethod("isText", String.class);
    assertEquals(true, isText.invoke(null, new String(text.toCharArray())));
    assertEquals(false, isText.invoke(null, text + "x"));
    assertEquals(1, loaded.getDeclaredMethods().length, "model text became a method");
  }

  private static Class<?> load(Compilation compilation, String name) throws ClassNotFoundException {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        try (InputStream in = file.openInputStream()) {
          String path = file.toUri().getPath();
          String binaryName = path.substring(path.indexOf("/text/") + 1, path.length() - ".class".length()).replace('/', '.');
          classes.put(binaryName, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    ClassLoader loader =
        new ClassLoader(JavaTextTest.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String className) throws ClassNotFoundException {
            byte[] bytes = classes.get(className);
            if (bytes == null) {
              throw new ClassNotFoundException(className);
            }
            return defineClass(className, bytes, 0, bytes.length);
          }
        };
    return loader.loadClass(name);
  }
}
