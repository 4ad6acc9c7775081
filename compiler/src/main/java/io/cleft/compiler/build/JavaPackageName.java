package io.cleft.compiler.build;

import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * Whether a string is a package name javac accepts for generated sources (JLS 7.4.1: dot-separated
 * identifiers, none a keyword). The command line's {@code --package}, the Maven plugin's
 * {@code packageName} and the sub-packages the plugin makes of directories are all checked here,
 * so none of them can produce a source javac rejects, nor a path outside the output directory
 * ({@code a./tmp/x} would be the directory {@code a//tmp/x}).
 *
 * <p>The contextual keywords ({@code var}, {@code record}, {@code yield}, {@code sealed},
 * {@code permits}, ...) are restricted only as type names, not in package names: javac accepts
 * {@code package var.record;}, so they are allowed.
 */
public final class JavaPackageName {
  private JavaPackageName() {}

  /**
   * Why {@code name} is not a Java package name, as a sentence naming the rule broken; empty if it
   * is one. The empty string is the unnamed package and is valid.
   */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String[] segments = name.split("\\.", -1);
    for (String segment : segments) {
      Optional<String> problem = segmentProblem(segment);
      if (problem.isPresent()) {
        return Optional.of("'" + name + "' is not a Java package name: " + problem.get());
      }
    }
    if (segments[0].equals("java")) {
      // javac compiles it, but no class loader defines a class there: the class would never load.
      return Optional.of("'" + name + "' is not a usable package name: packages under 'java' are reserved for the JDK");
    }
    return Optional.empty();
  }

  /** Why {@code segment} cannot be one part of a package name (a directory, for sub-packages). */
  public static Optional<String> segmentProblem(String segment) {
    if (segment.isEmpty()) {
      return Optional.of("empty segment (two dots in a row, or a leading or trailing dot)");
    }
    int first = segment.codePointAt(0);
    if (Character.isDigit(first)) {
      return Optional.of("segment '" + segment + "' starts with a digit");
    }
    for (int i = 0; i < segment.length(); i += Character.charCount(segment.codePointAt(i))) {
      int c = segment.codePointAt(i);
      boolean allowed = i == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c);
      // isJavaIdentifierPart admits control and format characters javac would print as garbage.
      if (!allowed || Character.isIdentifierIgnorable(c)) {
        return Optional.of(
            "segment '" + segment + "' contains " + describe(c) + ", which cannot be part of a Java identifier");
      }
    }
    if (segment.equals("_")) {
      return Optional.of("'_' is a keyword since Java 9 and cannot be a segment");
    }
    if (SourceVersion.isKeyword(segment, SourceVersion.RELEASE_17)) {
      return Optional.of("segment '" + segment + "' is a Java keyword or literal");
    }
    return Optional.empty();
  }

  private static String describe(int c) {
    if (c >= 0x21 && c < 0x7f) {
      return "'" + Character.toString(c) + "'";
    }
    return String.format(java.util.Locale.ROOT, "U+%04X", c);
  }
}
