package io.cleft.compiler;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs cleft's work on a thread with a stack of {@link Limits#STACK_BYTES}, as rustc and javac's
 * callers do: the passes recurse over expressions, and the caller's thread (a JVM's main thread
 * has about 1 MB, and how deep that reaches depends on the JIT's state) is not what decides
 * whether a model compiles. {@link Limits#MAX_EXPRESSION_DEPTH} bounds the depth the passes see.
 *
 * <p>Work started on such a thread runs there directly, so nesting (the command line calling
 * {@link Pipeline#compile}) starts no second thread.
 */
public final class LargeStack {
  private static final ThreadLocal<Boolean> ON_LARGE_STACK = ThreadLocal.withInitial(() -> false);

  private LargeStack() {}

  /** {@code work}'s result, computed on a thread with a large stack; what it throws is rethrown. */
  public static <T> T call(Supplier<T> work) {
    return call(work, Limits.STACK_BYTES);
  }

  /**
   * As {@link #call(Supplier)}, with a stack of {@code stackBytes}: tests prove margins with a
   * smaller one. Everything {@code work} calls through this class then runs on that same stack.
   */
  public static <T> T call(Supplier<T> work, long stackBytes) {
    if (ON_LARGE_STACK.get()) {
      return work.get();
    }
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              ON_LARGE_STACK.set(true);
              try {
                result.set(work.get());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "cleft",
            stackBytes);
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        // The work cannot be abandoned half-way (it may be writing files); finish, then pass the
        // interrupt on.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    if (thrown != null) {
      throw new IllegalStateException(thrown);
    }
    return result.get();
  }
}
