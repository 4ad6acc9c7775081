package io.cleft.compiler.emit;

import io.cleft.compiler.diagnostic.VisibleText;
/**
 * The one place where text from a model (source lines, doc strings, doc comments, names, units,
 * file names) becomes text of the generated Java source: as a string literal, as the content of
 * a {@code //} comment, or as Javadoc. Every writer goes through here, so that no model text can
 * end a comment or a literal early and run as Java.
 *
 * <p>Why it takes care: javac translates unicode escapes (a backslash, {@code u} and four hex
 * digits) before it lexes anything, even inside comments and string literals, so such an escape
 * of a line break in a comment is a line break, and what follows it is code. A backslash begins
 * an escape only if an even number of backslashes precedes it (JLS 3.3). JavaPoet, for its part,
 * starts a new line at every {@code \R} (CR, LF, VT, FF, U+0085, U+2028, U+2029). So all three
 * forms here are printable ASCII, and none contains a unicode escape: the source means the same
 * to javac whatever its encoding, and a reader sees every character that is there.
 */
final class JavaText {
  /**
   * The longest text written as one constant: at most 3 bytes a character in the class file's
   * UTF-8, so far below its 65,535; longer text is no constant (only docs are that long).
   */
  static final int CONSTANT_CHARACTERS = 8192;

  private JavaText() {}

  /**
   * A Java string constant that javac reads back as exactly {@code text}: a literal in ASCII with
   * the usual escapes, and octal escapes for other control characters (they are lexed, not
   * translated before lexing, so they cannot close the literal). A character beyond ASCII is
   * concatenated as {@code (char) 233}, which keeps the whole a constant expression (JLS 15.29),
   * so it can also be a {@code case} label; the whole is then parenthesised and begins with a
   * literal, so that {@code +} concatenates rather than adds. Text longer than
   * {@link #CONSTANT_CHARACTERS} is joined from such constants with {@code concat}, which names
   * no type that a model's names could hide.
   */
  static String stringLiteral(String text) {
    if (text.length() <= CONSTANT_CHARACTERS) {
      return constant(text);
    }
    // A constant's UTF-8 form is limited to 65,535 bytes (JVMS 4.4.7), and concatenated
    // constants are one constant: a long doc string is joined at run time instead.
    StringBuilder joined = new StringBuilder("(").append(constant(text.substring(0, CONSTANT_CHARACTERS)));
    for (int start = CONSTANT_CHARACTERS; start < text.length(); start += CONSTANT_CHARACTERS) {
      joined.append(".concat(").append(constant(text.substring(start, Math.min(text.length(), start + CONSTANT_CHARACTERS)))).append(')');
    }
    return joined.append(')').toString();
  }

  private static String constant(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    boolean open = true;
    boolean concatenated = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7f) {
        out.append(open ? "\"" : "").append(" + (char) ").append((int) c);
        open = false;
        concatenated = true;
        continue;
      }
      if (!open) {
        out.append(" + \"");
        open = true;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\%03o", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (open) {
      out.append('"');
    }
    return concatenated ? "(" + out + ")" : out.toString();
  }

  /**
   * The text of a {@code //} comment, on one line. Every backslash of the model is doubled, so
   * that none can begin a unicode escape (each is then preceded by an odd number of
   * backslashes); CR and LF are written {@code \\r} and {@code \\n} likewise; every other
   * character beyond printable ASCII is named, {@code U+2028}.
   */
  static String lineComment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\\\n");
      } else if (c == '\r') {
        out.append("\\\\r");
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        appendCodeName(out, c);
      }
    }
    return out.toString();
  }

  /**
   * Plain text as Javadoc (HTML): {@code & < >} as entities; {@code @} as an entity, so that no
   * block tag ({@code @deprecated}) or inline tag ({@code {@code ...}}) begins; a {@code /}
   * next to a {@code *} as an entity, so that the comment neither ends ({@code *}{@code /}) nor
   * seems to open another ({@code /*}); a backslash as an entity, so that
   * none begins a unicode escape. Line breaks of every kind become {@code \n}, which JavaPoet
   * continues with {@code " * "}; other control and invisible characters are named
   * ({@code U+200B}), since the reader could not see them; other characters beyond ASCII are
   * numeric character references, which Javadoc shows as the characters.
   */
  static String javadoc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '\t' -> out.append(' ');
        case '/' -> {
          boolean besideStar =
              (i > 0 && text.charAt(i - 1) == '*') || (i + 1 < text.length() && text.charAt(i + 1) == '*');
          out.append(besideStar ? "&#47;" : "/");
        }
        case '\r' -> {
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          out.append('\n');
        }
        // LF, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: JavaPoet's \R less CR
        case '\n', 0x0b, 0x0c, 0x85, 0x2028, 0x2029 -> out.append('\n');
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else if (isInvisible(text, i)) {
            appendCodeName(out, c);
          } else if (Character.isHighSurrogate(c)) {
            out.append(String.format("&#x%X;", text.codePointAt(i)));
            i++; // the low surrogate, which isInvisible found
          } else {
            out.append(String.format("&#x%X;", (int) c));
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Control and format characters, spaces other than the ASCII one, code points not (yet)
   * assigned or for private use, and surrogates that are not half of a pair.
   */
  private static boolean isInvisible(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    // Tab and space never come here: the caller writes them before it asks.
    return VisibleText.isInvisible(c);
  }

  /** {@code U+2028}: a character named, for where it cannot be shown. */
  private static void appendCodeName(StringBuilder out, char c) {
    out.append(String.format("U+%04X", (int) c));
  }
}
