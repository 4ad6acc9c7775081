package io.cleft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MiniJsonTest {
  @Test
  void readsObjectsArraysAndEveryKindOfValue() {
    Object value = MiniJson.parse(" { \"a\" : [1, -2.5e3, \"x\\\"y\\\\z\\u00e9\\n\"], \"b\": {\"t\": true, \"f\": false, \"n\": null}, \"e\": [] } ");
    Map<?, ?> object = (Map<?, ?>) value;
    assertEquals(List.of(1.0, -2500.0, "x\"y\\z\u00e9\n"), object.get("a"));
    Map<?, ?> b = (Map<?, ?>) object.get("b");
    assertEquals(Boolean.TRUE, b.get("t"));
    assertEquals(Boolean.FALSE, b.get("f"));
    assertNull(b.get("n"));
    assertEquals(List.of(), object.get("e"));
    assertEquals(List.of("a", "b", "e"), List.copyOf(object.keySet()), "members keep their order");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[1, 2", "{\"a\" 1}", "\"open", "[1] 2", "nul", "{1: 2}", "[\"\\u12\"]", "-"})
  void rejectsMalformedText(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(text));
    assertEquals(true, e.getMessage().startsWith("JSON at offset "), e.getMessage());
  }
}
