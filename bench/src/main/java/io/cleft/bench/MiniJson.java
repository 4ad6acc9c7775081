package io.cleft.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a JSON reader for JMH's {@code -rf json} output, so that run-benchmarks.sh needs
 * nothing but the JDK: objects become insertion-ordered maps, arrays lists, numbers doubles,
 * strings strings, true and false booleans, null null. Malformed text is an
 * IllegalArgumentException naming the offset.
 */
final class MiniJson {
  private final String text;
  private int at;

  private MiniJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    MiniJson reader = new MiniJson(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.at != text.length()) {
      throw reader.error("text after the value");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (at >= text.length()) {
      throw error("end of text where a value was expected");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{': return object();
      case '[': return array();
      case '"': return string();
      case 't': return word("true", Boolean.TRUE);
      case 'f': return word("false", Boolean.FALSE);
      case 'n': return word("null", null);
      default: return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    at++;
    skipSpace();
    if (peek('}')) {
      at++;
      return members;
    }
    while (true) {
      skipSpace();
      if (!peek('"')) {
        throw error("a member name was expected");
      }
      String name = string();
      skipSpace();
      expect(':');
      members.put(name, value());
      skipSpace();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return members;
      }
    }
  }

  private List<Object> array() {
    List<Object> elements = new ArrayList<>();
    at++;
    skipSpace();
    if (peek(']')) {
      at++;
      return elements;
    }
    while (true) {
      elements.add(value());
      skipSpace();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return elements;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case 'r': out.append('\r'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'u':
          if (at + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw error("a \\u escape needs four hex digits");
          }
          at += 4;
          break;
        default: out.append(escaped); break;
      }
    }
    throw error("a string is not closed");
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unknown word");
    }
    at += word.length();
    return value;
  }

  private Double number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    try {
      return Double.valueOf(text.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw error("a value was expected");
    }
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' was expected");
    }
    at++;
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("JSON at offset " + at + ": " + message);
  }
}
