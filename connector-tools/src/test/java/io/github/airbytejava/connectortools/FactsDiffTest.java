package io.github.airbytejava.connectortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsDiffTest {
  static final Path FACTS = Path.of("../connector-facts/src/main/facts/connector-facts.json");

  static JsonObject facts() throws Exception {
    return FactsFile.read(FACTS);
  }

  static JsonObject connector(JsonObject facts, String type, String slug) {
    for (var e : facts.getAsJsonArray("connectors")) {
      JsonObject c = e.getAsJsonObject();
      if (c.get("actorType").getAsString().equals(type) && c.get("slug").getAsString().equals(slug)) {
        return c;
      }
    }
    throw new AssertionError(type + " " + slug);
  }

  static JsonObject properties(JsonObject connector) {
    return connector.getAsJsonObject("schema").getAsJsonObject("properties");
  }

  @Test
  void sameFactsNoChange() throws Exception {
    FactsDiff diff = FactsDiff.compare(facts(), facts());
    assertEquals("No connector changed.\n", diff.report());
    assertFalse(diff.breaking());
  }

  @Test
  void marksWhatBreaksCallers() throws Exception {
    JsonObject before = facts();
    JsonObject after = facts();
    JsonObject pg = connector(after, "source", "postgres");
    properties(pg).remove("jdbc_url_params");                                      // removed field: breaks
    properties(pg).add("application_name", JsonParser.parseString("{\"type\": \"string\"}")); // new optional
    pg.getAsJsonObject("schema").getAsJsonArray("required").add("password");         // now required: breaks
    properties(pg).getAsJsonObject("port").addProperty("maximum", 65535);            // tighter bound: breaks
    properties(pg).getAsJsonObject("port").addProperty("default", 5433);             // default: ok
    JsonArray ssl = properties(pg).getAsJsonObject("ssl_mode").getAsJsonArray("oneOf");
    ssl.remove(0);                                                                  // variant removed: breaks
    JsonObject cdc = properties(pg).getAsJsonObject("replication_method").getAsJsonArray("oneOf").get(0)
        .getAsJsonObject().getAsJsonObject("properties").getAsJsonObject("invalid_cdc_cursor_position_behavior");
    cdc.getAsJsonArray("enum").add("Pause");                                        // enum value added: ok
    after.getAsJsonArray("connectors").remove(connector(after, "source", "faker")); // connector removed: breaks
    JsonObject added = connector(after, "source", "github").deepCopy();
    added.addProperty("slug", "github-enterprise");
    after.getAsJsonArray("connectors").add(added);                                   // connector added: ok

    FactsDiff diff = FactsDiff.compare(before, after);
    assertTrue(diff.breaking());
    String report = diff.report();
    List<String> expected = List.of(
        "source faker\n  BREAKING  removed (its class goes away)\n",
        "source github-enterprise\n  ok        added (",
        "  BREAKING  jdbc_url_params: removed\n",
        "  ok        application_name: added\n",
        "  BREAKING  password: now required\n",
        "  BREAKING  port: maximum 65536 -> 65535\n",
        "  ok        port: default 5432 -> 5433\n",
        "  BREAKING  ssl_mode: variant disable removed\n",
        "  ok        replication_method[CDC].invalid_cdc_cursor_position_behavior: enum values added [Pause]\n");
    for (String line : expected) {
      assertTrue(report.contains(line), () -> "missing «" + line + "» in\n" + report);
    }
    assertTrue(report.endsWith("3 connectors changed (1 added, 1 removed), 5 breaking changes.\n"), report);
  }

  @Test
  void regenerateWritesTheFileAndPrintsTheDiff(@TempDir Path dir) throws Exception {
    Path sdk = dir.resolve("api_sdk.yaml");
    Files.writeString(sdk, """
        components:
          schemas:
            source-tiny:
              type: object
              required: [host, sourceType]
              properties:
                host: {type: string, title: "Host", description: "Where it runs", order: 0}
                token: {type: string, airbyte_secret: true, min: 3}
                sourceType: {const: tiny, enum: [tiny], type: string}
            source-tiny-update:
              type: object
            destination-sink:
              type: object
              properties:
                destinationType: {const: sink, enum: [sink], type: string}
        """);
    Path registry = dir.resolve("registry.tsv");
    Files.writeString(registry, "type\tslug\tdefinition_id\tname\tdocker_repository\tin_server_name_map\n"
        + "source\ttiny\t00000000-0000-0000-0000-000000000001\tTiny\tairbyte/source-tiny\tno\n");
    Path facts = dir.resolve("facts.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Regenerate.run(new String[] {"--facts", facts.toString(), sdk.toString(), registry.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, exit);
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("destination sink\n  ok        added (0 fields)"), report);
    assertTrue(report.contains("source tiny\n  ok        added (2 fields)"), report);
    String written = Files.readString(facts);
    assertTrue(written.contains("\"host\": {\"type\": \"string\", \"order\": 0}"), written);
    assertTrue(written.contains("\"token\": {\"type\": \"string\", \"airbyte_secret\": true}"), written);
    assertFalse(written.contains("Where it runs") || written.contains("Host") || written.contains("sourceType"), written);
    assertTrue(written.contains("\"definitionId\": null"), written);

    // Airbyte drops the secret field: the next run says it breaks callers, and exits 1.
    Files.writeString(sdk, Files.readString(sdk).replace("token: {type: string, airbyte_secret: true, min: 3}", ""));
    out.reset();
    exit = Regenerate.run(new String[] {"--facts", facts.toString(), sdk.toString(), registry.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(1, exit);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("source tiny\n  BREAKING  token: removed\n"), out::toString);
  }

  @Test
  void aMissingInputSaysSoAndExitsTwo(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Regenerate.run(new String[] {"--check", dir.resolve("api_sdk.yaml").toString(),
        dir.resolve("registry.tsv").toString()}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, exit);
    assertEquals("connector-facts: no such file: " + dir.resolve("api_sdk.yaml") + "\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aSchemaKeywordThatHoldsFieldsIsAnErrorNotDropped(@TempDir Path dir) throws Exception {
    Path sdk = dir.resolve("api_sdk.yaml");
    Files.writeString(sdk, """
        components:
          schemas:
            source-tiny:
              type: object
              properties:
                sourceType: {const: tiny, enum: [tiny], type: string}
                auth:
                  anyOf:
                    - {type: object, properties: {token: {type: string, airbyte_secret: true}}}
        """);
    Path registry = dir.resolve("registry.tsv");
    Files.writeString(registry, "type\tslug\tdefinition_id\tname\tdocker_repository\tin_server_name_map\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Regenerate.run(new String[] {"--check", sdk.toString(), registry.toString()}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("source-tiny.properties.auth uses anyOf"), err::toString);
  }

  @Test
  void theCheckedInFactsAreWhatTheReferenceFilesGive() throws Exception {
    Path reference = Stream.of("../../shared/reference", "../../../shared/reference").map(Path::of)
        .filter(p -> Files.isRegularFile(p.resolve("airbyte-api/api_sdk.yaml"))).findFirst().orElse(null);
    // The reason shows in IDEs and target/surefire-reports; not printed, since `mvn -q` promises errors only.
    assumeTrue(reference != null, "skipped: needs Airbyte's reference files (airbyte-api/api_sdk.yaml, "
        + "connectors/registry.tsv) in shared/reference beside this checkout, which only the maintainers' machines "
        + "have; ./connector-facts.sh --check API_SDK_YAML REGISTRY_TSV compares yours");
    JsonObject derived = Derive.derive(reference.resolve("airbyte-api/api_sdk.yaml"),
        reference.resolve("connectors/registry.tsv"));
    assertEquals(Files.readString(FACTS), FactsFile.format(derived));
  }

  @Test
  void variantsAreNamedByTheirDiscriminator() {
    JsonArray oneOf = JsonParser.parseString("[{\"properties\": {\"mode\": {\"const\": \"a\"}, \"x\": {}}},"
        + " {\"properties\": {\"mode\": {\"enum\": [\"b\"]}}}]").getAsJsonArray();
    assertEquals("mode", FactsDiff.discriminator(oneOf));
    oneOf.get(1).getAsJsonObject().getAsJsonObject("properties").getAsJsonObject("mode")
        .add("enum", new JsonArray());
    assertEquals(null, FactsDiff.discriminator(oneOf));
    assertEquals(new JsonPrimitive("a").getAsString(), FactsDiff.fixedValue(
        oneOf.get(0).getAsJsonObject().getAsJsonObject("properties").getAsJsonObject("mode")));
  }
}
