package io.github.airbytejava.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This library's version, for the default {@code User-Agent}. */
public final class Version {
  private static final String VERSION = find();

  private Version() {}

  /** {@code airbyte-java-client/<version>}. */
  public static String userAgent() {
    return "airbyte-java-client/" + VERSION;
  }

  /** Written by Maven resource filtering, so it is right in the jar, in an IDE and in this module's tests. */
  private static String find() {
    try (InputStream in = Version.class.getResourceAsStream("/io/github/airbytejava/version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank() && !version.startsWith("$")) return version.trim();
      }
    } catch (IOException | RuntimeException e) {
      // fall through: a missing version must not stop the client
    }
    return "dev";
  }
}
