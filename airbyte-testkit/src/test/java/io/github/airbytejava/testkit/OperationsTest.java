package io.github.airbytejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The fake has a route for every operation of the spec, under the spec's method, path template and operationId. */
class OperationsTest {

  @Test
  void everyOperationOfTheSpecIsRoutedAsTheSpecNamesIt() throws IOException {
    Path spec = Path.of("").toAbsolutePath().getParent().resolve(Conformance.REPO_SPEC);
    Map<String, Object> document = new Yaml(new LoaderOptions()).load(Files.readString(spec));
    Set<String> inSpec = new TreeSet<>();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
    paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
      if (operation instanceof Map<?, ?> op && op.containsKey("operationId")) {
        inSpec.add(method.toUpperCase() + " " + path + " " + op.get("operationId"));
      }
    }));

    Set<String> inFake = new TreeSet<>();
    try (FakeAirbyte fake = FakeAirbyte.builder().conformance(false).start()) {
      fake.api().operations().forEach(r -> inFake.add(r.method() + " " + r.template() + " " + r.operationId()));
    }
    assertEquals(92, inSpec.size());
    assertEquals(inSpec, inFake);
  }
}
