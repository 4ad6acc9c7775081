package io.cleft.maven;

import io.cleft.compiler.CompilerRun;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticPrinter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Compiles every {@code .syn} model under {@code sourceDirectory} to a Java class in
 * {@code outputDirectory} and adds that directory to the compile sources. A model in a
 * subdirectory goes to the matching sub-package. Models whose generated source is newer are
 * skipped. Any model error fails the build, each error reported as {@code file:line:col}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project.basedir}/src/main/syn", property = "cleft.sourceDirectory")
  private File sourceDirectory;

  @Parameter(defaultValue = "${project.build.directory}/generated-sources/cleft", property = "cleft.outputDirectory")
  private File outputDirectory;

  /** The package of generated classes; empty for the default package. */
  @Parameter(property = "cleft.packageName")
  private String packageName;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path root = sourceDirectory.toPath();
    if (!Files.isDirectory(root)) {
      getLog().info("cleft: no models, " + root + " does not exist");
      return;
    }
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(p -> p.toString().endsWith(".syn") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cleft: cannot list " + root + ": " + e.getMessage(), e);
    }
    CompilerRun.Result result =
        new CompilerRun(sources, Optional.of(root), outputDirectory.toPath(), packageName == null ? "" : packageName, true)
            .execute();
    for (Diagnostic diagnostic : result.diagnostics()) {
      String rendered = DiagnosticPrinter.render(diagnostic).stripTrailing();
      if (diagnostic.isError()) {
        getLog().error(rendered);
      } else {
        getLog().warn(rendered);
      }
    }
    if (result.hasErrors()) {
      String headlines =
          result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline).collect(Collectors.joining("\n"));
      throw new MojoFailureException("cleft found errors in the models:\n" + headlines);
    }
    getLog().info(
        "cleft: " + result.written().size() + " generated, " + result.upToDate().size() + " up to date, in "
            + outputDirectory);
    project.addCompileSourceRoot(outputDirectory.getPath());
  }
}
