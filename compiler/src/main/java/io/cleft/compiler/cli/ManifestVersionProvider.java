package io.cleft.compiler.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version the shaded jar's manifest records (Implementation-Version, set from the Maven
 * project version); classes run from target/classes or an IDE have none and say "development".
 */
public final class ManifestVersionProvider implements IVersionProvider {
  static final String FALLBACK = "development";

  @Override
  public String[] getVersion() {
    return new String[] {"cleft " + version()};
  }

  static String version() {
    Package pkg = ManifestVersionProvider.class.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    return version == null || version.isBlank() ? FALLBACK : version;
  }
}
