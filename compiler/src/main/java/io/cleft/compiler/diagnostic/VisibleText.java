package io.cleft.compiler.diagnostic;

import java.util.Locale;

/**
 * Makes characters that a terminal would not show, or would show as something else, visible in
 * diagnostics: control characters (NUL, escape, ...; a tab stays a tab), format characters
 * (zero-width spaces, byte order marks, bidirectional overrides), spaces other than U+0020
 * (no-break space, ...), U+2028 and U+2029, lone surrogates and unassigned code points. Printed
 * raw, a no-break space looks like a space and an escape character garbles the terminal.
 */
public final class VisibleText {
  private VisibleText() {}

  /** Whether {@code codePoint} is shown escaped. */
  public static boolean isInvisible(int codePoint) {
    if (codePoint == '\t' || codePoint == ' ') {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  /**
   * {@code codePoint} for a message: {@code 'x'} if it is visible, else its escape and name, as
   * in <code>'&#92;u00a0' (no-break space)</code>.
   */
  public static String quote(int codePoint) {
    if (!isInvisible(codePoint)) {
      return "'" + new String(Character.toChars(codePoint)) + "'";
    }
    String escape =
        codePoint <= 0xFFFF
            ? String.format(Locale.ROOT, "\\u%04x", codePoint)
            : String.format(Locale.ROOT, "\\U%08x", codePoint);
    String name = Character.getName(codePoint);
    return "'" + escape + "'" + (name == null ? "" : " (" + name.toLowerCase(Locale.ROOT) + ")");
  }

  /** How {@code codePoint} is written in a printed line: itself, or {@code <U+00A0>}. */
  public static String shown(int codePoint) {
    if (!isInvisible(codePoint)) {
      return new String(Character.toChars(codePoint));
    }
    return String.format(Locale.ROOT, "<U+%04X>", codePoint);
  }

  /** {@code text} with every invisible character replaced by {@link #shown its escape}. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.append(shown(c)));
    return out.toString();
  }
}
