package io.cleft.compiler.emit;

/**
 * The one place where text from a model (source lines, doc strings, doc comments, names, units,
 * file names) becomes text of the generated Java source: as a string literal, as the content of
 * a {@code //} comment, or as Javadoc. Every writer goes through here, so that no model text can
 * end a comment or a literal early and run as Java.
 *
 * <p>Why it takes care: javac translates {@code \}{@code u0022}-style unicode escapes before it
 * lexes anything, even inside comments and string literals, so {@code \}{@code u000a} in a
 * comment is a line break and what follows it is code. A backslash begins such an escape only if
 * an even number of backslashes precedes it (JLS 3.3). JavaPoet, for its part, starts a new line
 * at every {@code \R} (CR, LF, VT, FF, U+0085, U+2028, U+2029). So all three forms here are
 * plain ASCII without any of those characters, and any unicode escape in them is one this class
 * wrote on purpose. Non-ASCII text is written as unicode escapes, which also keeps the source
 * readable by javac whatever its platform encoding.
 */
final class JavaText {
  private JavaText() {}

  /**
   * A Java string literal, quotes included, that javac reads back as exactly {@code text}:
   * ASCII, with the usual escapes, octal escapes for other control characters (octal escapes
   * are lexed, not translated before lexing like unicode escapes, so they cannot close the
   * literal), and unicode escapes for everything beyond ASCII, none of which can translate to
   * a quote, a backslash or a line break because those are all ASCII.
   */
  static String stringLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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
          } else if (c > 0x7f) {
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * The text of a {@code //} comment, on one line. Every backslash of the model is doubled, so
   * that none of them can begin a unicode escape (each is then preceded by an odd number of
   * backslashes); characters beyond printable ASCII are written as unicode escapes, which do
   * begin one and translate to the character itself, harmless inside a comment; CR and LF,
   * which would end the comment even as escapes, are written {@code \\r} and {@code \\n}.
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
        appendUnicodeEscape(out, c);
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
   * unicode escapes, which Javadoc shows as the characters.
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
        case '\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029' -> out.append('\n');
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else if (isInvisible(text, i)) {
            out.append(String.format("U+%04X", (int) c));
          } else {
            appendUnicodeEscape(out, c);
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
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.UNASSIGNED,
          Character.PRIVATE_USE -> true;
      default -> false;
    };
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }
}
