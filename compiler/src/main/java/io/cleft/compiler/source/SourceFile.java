package io.cleft.compiler.source;

import java.util.List;
import java.util.Objects;

/**
 * The text of one model file and the name diagnostics use for it.
 *
 * @param displayName how diagnostics name the file, usually the path as the user gave it
 * @param text the whole file, exactly as read
 */
public record SourceFile(String displayName, String text) {
  public SourceFile {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(text, "text");
  }

  /** The 1-based line {@code line} without its line terminator, or "" past the end. */
  public String line(int line) {
    List<String> lines = text.lines().toList();
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }

  @Override
  public String toString() {
    return displayName;
  }
}
