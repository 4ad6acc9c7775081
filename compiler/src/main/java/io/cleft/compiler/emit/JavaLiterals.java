package io.cleft.compiler.emit;

/** Java source for values, spelled so that javac reads back exactly the same value. */
final class JavaLiterals {
  private JavaLiterals() {}

  /** A double literal that javac parses to the same bits, or the constant naming it. */
  static String doubleLiteral(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    String decimal = Double.toString(value);
    // JDK 17's Double.toString is not always the shortest form; it must still round-trip.
    if (Double.doubleToRawLongBits(Double.parseDouble(decimal)) == Double.doubleToRawLongBits(value)) {
      return decimal;
    }
    return Double.toHexString(value);
  }

  static String stringLiteral(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
