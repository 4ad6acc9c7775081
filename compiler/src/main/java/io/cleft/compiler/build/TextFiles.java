package io.cleft.compiler.build;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes the files a run names (models, CSV, generated sources). Every failure becomes
 * a diagnostic naming the file as the user typed it, in the words of strerror, never an exception.
 */
public final class TextFiles {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * The largest model file cleft reads, 1 MiB (docs/LANGUAGE.md, "Limits of files and data"):
   * some fifty times the largest model that fits Java's limits on a generated class anyway.
   */
  public static final int MAX_MODEL_BYTES = 1 << 20;

  private TextFiles() {}

  /** A model file as UTF-8 text; see {@link #read(String, int, DiagnosticCollector)}. */
  public static Optional<SourceFile> read(String name, DiagnosticCollector diagnostics) {
    return read(name, MAX_MODEL_BYTES, diagnostics);
  }

  /**
   * The file as UTF-8 text, without a leading byte order mark (spreadsheets write one), or a
   * diagnostic if it has more than {@code maxBytes} bytes. Never more than that is read, so a
   * huge file, or an endless one such as {@code /dev/zero}, costs only the bytes up to the limit.
   */
  public static Optional<SourceFile> read(String name, int maxBytes, DiagnosticCollector diagnostics) {
    try {
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        return fail(diagnostics, DiagnosticCode.CANNOT_READ, name, "cannot read file: is a directory");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes(maxBytes + 1);
      }
      if (bytes.length > maxBytes) {
        return fail(
            diagnostics,
            DiagnosticCode.CANNOT_READ,
            name,
            "cannot read file: it is larger than the limit of " + bytes(maxBytes));
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
        text = text.substring(1);
      }
      return Optional.of(new SourceFile(name, text));
    } catch (InvalidPathException e) {
      return fail(diagnostics, DiagnosticCode.CANNOT_READ, name, "cannot read file: invalid path");
    } catch (CharacterCodingException e) {
      return fail(diagnostics, DiagnosticCode.CANNOT_READ, name, "cannot read file: not UTF-8 text");
    } catch (IOException e) {
      return fail(diagnostics, DiagnosticCode.CANNOT_READ, name, "cannot read file: " + reason(e));
    }
  }

  /** {@code 1 MiB (1,048,576 bytes)}: how a size limit is shown. */
  static String bytes(int count) {
    String exact = String.format(Locale.ROOT, "%,d bytes", count);
    if (count % (1 << 20) == 0) {
      return (count >> 20) + " MiB (" + exact + ")";
    }
    return exact;
  }

  /** Writes {@code text} as UTF-8, replacing the file; false (and a diagnostic) on failure. */
  public static boolean write(String name, String text, DiagnosticCollector diagnostics) {
    return write(name, text.getBytes(StandardCharsets.UTF_8), diagnostics);
  }

  /** Writes {@code bytes} (an image, say), replacing the file; false (and a diagnostic) on failure. */
  public static boolean write(String name, byte[] bytes, DiagnosticCollector diagnostics) {
    try {
      Path path = Path.of(name);
      Optional<String> problem = writeProblem(path);
      if (problem.isPresent()) {
        fail(diagnostics, DiagnosticCode.CANNOT_WRITE, name, "cannot write file: " + problem.get());
        return false;
      }
      Files.write(path, bytes);
      return true;
    } catch (InvalidPathException e) {
      fail(diagnostics, DiagnosticCode.CANNOT_WRITE, name, "cannot write file: invalid path");
      return false;
    } catch (IOException e) {
      fail(diagnostics, DiagnosticCode.CANNOT_WRITE, name, "cannot write file: " + reason(e));
      return false;
    }
  }

  /**
   * Reports, before any work is done, that {@code name} could not be written later (a missing
   * directory, say); whether it looks writable. For commands that would otherwise compute for a
   * long time before they find out.
   */
  public static boolean canWrite(String name, DiagnosticCollector diagnostics) {
    try {
      Optional<String> problem = writeProblem(Path.of(name));
      problem.ifPresent(p -> fail(diagnostics, DiagnosticCode.CANNOT_WRITE, name, "cannot write file: " + p));
      return problem.isEmpty();
    } catch (InvalidPathException e) {
      fail(diagnostics, DiagnosticCode.CANNOT_WRITE, name, "cannot write file: invalid path");
      return false;
    }
  }

  // The OS would say only "No such file or directory" for a missing directory; naming the
  // directory tells the user which part of the path to fix.
  private static Optional<String> writeProblem(Path path) {
    if (Files.isDirectory(path)) {
      return Optional.of("is a directory");
    }
    Path parent = path.toAbsolutePath().getParent();
    Path shown = path.getParent() == null ? parent : path.getParent();
    if (parent != null && !Files.exists(parent)) {
      return Optional.of("directory '" + shown + "' does not exist");
    }
    if (parent != null && !Files.isDirectory(parent)) {
      return Optional.of("'" + shown + "' is not a directory");
    }
    return Optional.empty();
  }

  /** Why an I/O operation failed, in the words of strerror. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Optional<SourceFile> fail(
      DiagnosticCollector diagnostics, DiagnosticCode code, String name, String message) {
    diagnostics.add(Diagnostic.inFile(Severity.ERROR, code, name, message));
    return Optional.empty();
  }
}
