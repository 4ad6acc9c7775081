package io.cleft.compiler.simulate;

/**
 * Which handler an event runs. TEMPORARY stand-in for the runtime's {@code EventKind} (branch
 * h-runtime), with the same name and constants; deleted when that branch is merged.
 */
enum EventKind {
  PRE,
  POST
}
