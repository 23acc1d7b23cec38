package io.github.airbytejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The fake has a route for every operation of the spec, under the spec's method, path template and operationId. */
class OperationsTest {

  @Test
  void everyOperationOfTheSpecIsRoutedAsTheSpecNamesIt() {
    List<SpecFacts.Operation> inSpec = SpecFacts.bundled().operations();
    Set<String> inFake = new TreeSet<>();
    try (FakeAirbyte fake = FakeAirbyte.builder().conformance(false).start()) {
      fake.api().operations().forEach(r -> inFake.add(r.method() + " " + r.template() + " " + r.operationId()));
    }
    List<String> missing = new ArrayList<>();
    for (SpecFacts.Operation op : inSpec) {
      String key = op.method() + " " + op.template() + " " + op.operationId();
      if (!inFake.contains(key)) {
        missing.add(Api.missingRoute(op));
      }
    }
    // Only the spec's operations are checked: the fake may serve more (the Config API), which the spec does not list.
    assertTrue(missing.isEmpty(), String.join("\n", missing));
    assertTrue(inSpec.size() > 0);
  }

  @Test
  void aMissingRouteSaysWhatToAdd() {
    String message = Api.missingRoute(new SpecFacts.Operation("GET", "/widgets/{widgetId}", "getWidget", "Widgets"));
    assertEquals("the fake has no route for GET /widgets/{widgetId} (getWidget, tag Widgets) of the spec: add "
        + "routes.get(\"/widgets/{widgetId}\", \"getWidget\", handler) to routes(Routes) of the ResourceGroup of tag "
        + "Widgets (a new group is listed in Api's constructor); see README.md, \"Updating the API\"", message);
  }
}
