package io.cleft.compiler.load;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.cleft.runtime.Synapse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler, in memory, and loads the synapse. This is
 * how {@code cleft eval} runs the generated code rather than the interpreter, and how tests
 * check that what the emitter writes compiles and behaves.
 */
public final class InMemoryCompiler {
  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  private InMemoryCompiler() {}

  /** Thrown when javac rejects generated code: a bug in the emitter, never the user's. */
  public static final class CompilationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CompilationFailedException(String message) {
      super(message);
    }
  }

  /**
   * Starts javac on a class of nothing, on a daemon thread, with the options {@link #load} uses:
   * a short command that will compile the generated class (eval) can let javac load and
   * initialise itself while its own thread parses and checks the model. On a machine with a
   * second core that half of javac's cold start is then free; the result is thrown away.
   */
  public static void warmUpInBackground() {
    if (!WARMED_UP.compareAndSet(false, true)) {
      return; // once per JVM: a watch loop's later runs find javac warm already
    }
    Thread warmUp =
        new Thread(
            () -> {
              try {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                if (javac != null) {
                  JavaFile nothing = JavaFile.builder("cleft.warmup", TypeSpec.classBuilder("Nothing").build()).build();
                  compile(javac, "cleft.warmup.Nothing", nothing.toJavaFileObject());
                }
              } catch (RuntimeException ignored) {
                // Only a warm-up: the real compilation reports whatever is wrong.
              }
            },
            "cleft-javac-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /**
   * Compiles {@code file} against the runtime on this JVM's class path and returns a new
   * instance of its class.
   */
  public static Synapse load(JavaFile file) {
    String className = file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
    return load(className, file.toJavaFileObject());
  }

  /**
   * Compiles Java source text whose top-level class is {@code className} (qualified) and returns
   * a new instance of it: for code that is not the emitter's own output, such as a benchmark's
   * edited copy of it.
   */
  public static Synapse load(String className, String source) {
    URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
    return load(className, new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    });
  }

  private static Synapse load(String className, JavaFileObject source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime; run cleft on a JDK, not a JRE");
    }
    ClassesInMemory classes = compile(javac, className, source);
    ClassLoader loader = new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.bytes(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
    // Generated code runs with assertions as cleft itself does; a fresh loader would otherwise
    // ignore a test runner's setting, which it makes on its own loader rather than the JVM.
    loader.setDefaultAssertionStatus(InMemoryCompiler.class.desiredAssertionStatus());
    try {
      return (Synapse) loader.loadClass(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate the generated " + className, e);
    }
  }

  /** javac on {@code source}, its class files kept in memory; CompilationFailedException if it fails. */
  private static ClassesInMemory compile(JavaCompiler javac, String className, JavaFileObject source) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    ClassesInMemory classes = new ClassesInMemory(javac.getStandardFileManager(diagnostics, null, null));
    StringWriter output = new StringWriter();
    // Closed at once: the file manager holds the class path's jars open, and a process that
    // loads many models (a test suite, a watch loop) would run out of file descriptors.
    try (classes) {
      boolean ok =
          javac
              .getTask(
                  output,
                  classes,
                  diagnostics,
                  // -proc:none: generated code has no annotations to process, and looking for
                  // processors on the class path costs a short command's javac much of its time.
                  List.of(
                      "--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                      "-classpath", System.getProperty("java.class.path")),
                  null,
                  List.of(source))
              .call();
      if (!ok) {
        StringBuilder message = new StringBuilder("javac rejected the generated " + className + ":\n");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          message.append(d.getKind()).append(" at line ").append(d.getLineNumber()).append(": ")
              .append(d.getMessage(null)).append('\n');
        }
        throw new CompilationFailedException(message.append(output).toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close javac's file manager", e);
    }
    return classes;
  }

  /** Keeps javac's class files in memory instead of writing them to disk. */
  private static final class ClassesInMemory extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

    ClassesInMemory(JavaFileManager delegate) {
      super(delegate);
    }

    byte[] bytes(String className) {
      ByteArrayOutputStream out = classes.get(className);
      return out == null ? null : out.toByteArray();
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          classes.put(className, out);
          return out;
        }
      };
    }
  }
}
