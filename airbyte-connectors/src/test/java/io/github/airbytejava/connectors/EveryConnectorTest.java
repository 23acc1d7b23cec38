package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.google.gson.ToNumberPolicy;
import io.github.airbytejava.generated.model.DestinationResponse;
import io.github.airbytejava.generated.model.SourceResponse;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every connector of the facts: typed, validated, read back by its id, and written back as the same JSON. */
class EveryConnectorTest {
  /** As the generated client reads configurations (integers as Long). */
  private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
      .disableHtmlEscaping().serializeNulls().create();
  private static final Type MAP = new com.google.gson.reflect.TypeToken<Map<String, Object>>() { }.getType();

  @Test
  void allSixHundredConnectorsHaveAClassAndADefinitionId() {
    List<Connector> all = Connectors.all();
    assertEquals(555, all.stream().filter(c -> c.actorType() == ActorType.SOURCE).count());
    assertEquals(45, all.stream().filter(c -> c.actorType() == ActorType.DESTINATION).count());
    for (Connector c : all) {
      assertTrue(c.definitionId().isPresent(), c::toString);
      String prefix = c.actorType() == ActorType.SOURCE ? "Source" : "Destination";
      assertTrue(c.configurationClass().getSimpleName().startsWith(prefix), c::toString);
      assertEquals(c, Connectors.byDefinitionId(c.definitionId().get()).orElseThrow());
    }
  }

  @Test
  void aMinimalConfigurationOfEachConnectorIsValidAndRoundTripsToIdenticalJson() {
    List<String> failures = new ArrayList<>();
    for (Connector connector : Connectors.all()) {
      Map<String, Object> minimal = MinimalConfigurations.of(connector);
      List<ConfigurationProblem> problems = connector.problems(minimal);
      if (!problems.isEmpty()) {
        failures.add(connector + ": " + problems);
        continue;
      }
      // As a response body would bring it: JSON text, read by the generated client into a Map.
      String json = GSON.toJson(minimal);
      Map<String, Object> asRead = GSON.fromJson(json, MAP);
      ConnectorConfiguration typed = connector.actorType() == ActorType.SOURCE
          ? SourceConfiguration.of(new SourceResponse().definitionId(connector.definitionId().get())
              .sourceType(connector.slug()).configuration(asRead))
          : DestinationConfiguration.of(new DestinationResponse().definitionId(connector.definitionId().get())
              .destinationType(connector.slug()).configuration(asRead));
      if (typed.getClass() != connector.configurationClass()) {
        failures.add(connector + ": read as " + typed.getClass().getSimpleName());
      } else if (!JsonParser.parseString(typed.toJson()).equals(JsonParser.parseString(json))
          || !typed.toJson().equals(json)) {
        failures.add(connector + ": " + json + " came back as " + typed.toJson());
      } else if (!typed.problems().isEmpty()) {
        failures.add(connector + ": typed view has problems " + typed.problems());
      }
      // Every accessor reads its field without failing.
      for (var method : typed.getClass().getDeclaredMethods()) {
        if (method.getParameterCount() == 0 && java.lang.reflect.Modifier.isPublic(method.getModifiers())
            && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
          try {
            method.invoke(typed);
          } catch (ReflectiveOperationException e) {
            failures.add(connector + ": " + method.getName() + "() threw " + e.getCause());
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " connectors failed:\n" + String.join("\n", failures));
  }
}
