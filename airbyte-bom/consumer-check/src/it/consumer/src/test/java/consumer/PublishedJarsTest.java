package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** What a project that imports airbyte-bom gets: every published module, at the BOM's version, with its module name. */
class PublishedJarsTest {
  /** The documented module names (README, "Modules"): changing one breaks users' module-info files. */
  private static final Map<String, String> MODULE_NAMES = new TreeMap<>(Map.of(
      "airbyte-api-spec", "io.github.airbytejava.spec",
      "airbyte-generated-client", "io.github.airbytejava.generated",
      "airbyte-wrapper", "io.github.airbytejava",
      "airbyte-connector-facts", "io.github.airbytejava.connectors.facts",
      "airbyte-connectors", "io.github.airbytejava.connectors",
      "airbyte-provisioning", "io.github.airbytejava.provisioning",
      "airbyte-testkit", "io.github.airbytejava.testkit",
      "airbyte-spring-boot-starter", "io.github.airbytejava.spring"));

  @Test
  void everyPublishedJarIsResolvedAtTheBomsVersionAndCarriesItsModuleName() throws IOException {
    Map<String, String> found = new TreeMap<>();
    for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
      try (InputStream in = url.openStream()) {
        Attributes main = new Manifest(in).getMainAttributes();
        String artifact = main.getValue("Implementation-Title");
        if (artifact != null && MODULE_NAMES.containsKey(artifact)) {
          assertEquals(System.getProperty("bom.version"), main.getValue("Implementation-Version"), artifact);
          found.put(artifact, String.valueOf(main.getValue("Automatic-Module-Name")));
        }
      }
    }
    assertEquals(MODULE_NAMES, found);
  }
}
