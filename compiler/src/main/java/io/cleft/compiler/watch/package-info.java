/**
 * {@code cleft watch}: waiting for a save of any of a set of files ({@link FileChanges}) and
 * rerunning a command after each one, warm, in the same JVM ({@link WatchLoop}).
 */
package io.cleft.compiler.watch;
