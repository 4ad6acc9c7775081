package io.cleft.compiler.model;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * {@code on pre(weight uS) { ... }} or {@code on post { ... }}, resolved: the statements run in
 * order when the event arrives, with {@code t} the event's time.
 *
 * @param weight the handler's argument, if it takes one
 */
public record EventHandler(EventKind kind, Optional<Symbol.EventArgument> weight, List<Statement> statements, SourceSpan span) {
  public EventHandler {
    statements = List.copyOf(statements);
  }
}
