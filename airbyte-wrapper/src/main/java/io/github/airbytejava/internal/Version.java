package io.github.airbytejava.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This library's version, for the default {@code User-Agent}. */
public final class Version {
  private static final String VERSION = find();

  private Version() {}

  /**
   * {@code airbyte-java-client/<version>}; the version is {@code dev} when running from classes that were not
   * packaged (an IDE, this module's own tests).
   */
  public static String userAgent() {
    return "airbyte-java-client/" + VERSION;
  }

  /**
   * The jar manifest's {@code Implementation-Version} (the parent pom writes it), else the {@code pom.properties}
   * Maven puts in every jar.
   */
  private static String find() {
    String fromManifest = Version.class.getPackage().getImplementationVersion();
    if (fromManifest != null && !fromManifest.isBlank()) return fromManifest.trim();
    try (InputStream in = Version.class.getResourceAsStream(
        "/META-INF/maven/io.github.airbytejava/airbyte-wrapper/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) return version.trim();
      }
    } catch (IOException | RuntimeException e) {
      // fall through: a missing version must not stop the client
    }
    return "dev";
  }
}
