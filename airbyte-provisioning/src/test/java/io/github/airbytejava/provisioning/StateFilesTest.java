package io.github.airbytejava.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest extends ProvisioningTestSupport {

  private static final String PIPELINE = """
      workspace: Default Workspace
      sources:
        - name: pg-prod
          connector: postgres
          configuration:
            host: db.internal
            port: 5432
            database: app
            username: airbyte
            password: ${PG_PASSWORD}
            country: NO           # a string in YAML 1.2 and JSON, not false
            template: "$${NOT_A_SECRET}"
      destinations:
        - name: sink
          connector: dev-null
          configuration:
            test_destination: { test_destination_type: SILENT }
      connections:
        - name: pg-to-sink
          source: pg-prod
          destination: sink
          schedule: { cron: "0 0 6 * * ? UTC" }
          status: active
          namespaceFormat: null
      """;

  @Test
  void yamlAndJsonAreReadByTheSameCodeAndPlanTheSame() {
    WorkspaceState yaml = StateFiles.parse(PIPELINE, "pipeline.yaml");
    ActorSpec source = yaml.sources().get(0);
    assertEquals("NO", source.configuration().get("country"));
    assertEquals(5432L, source.configuration().get("port"));
    assertEquals(Secret.ref("PG_PASSWORD"), source.configuration().get("password"));
    assertEquals("${NOT_A_SECRET}", source.configuration().get("template"));
    ConnectionSpec connection = yaml.connections().get(0);
    assertEquals(Schedule.cron("0 0 6 * * ?"), connection.schedule(), "the UTC Airbyte appends is dropped");
    assertNull(connection.namespaceFormat());

    String json = """
        {"workspace": "Default Workspace",
         "sources": [{"name": "pg-prod", "connector": "postgres", "configuration": {"host": "db.internal",
            "port": 5432, "database": "app", "username": "airbyte", "password": "${PG_PASSWORD}", "country": "NO",
            "template": "$${NOT_A_SECRET}"}}],
         "destinations": [{"name": "sink", "connector": "dev-null",
            "configuration": {"test_destination": {"test_destination_type": "SILENT"}}}],
         "connections": [{"name": "pg-to-sink", "source": "pg-prod", "destination": "sink",
            "schedule": {"cron": "0 0 6 * * ?"}, "status": "active", "namespaceFormat": null}]}
        """;
    WorkspaceState fromJson = StateFiles.parse(json, "pipeline.json");
    provisioner.apply(provisioner.plan(yaml)).orThrow();
    assertFalse(provisioner.plan(fromJson).hasChanges());
  }

  @Test
  void everyProblemIsReportedTogetherWithFileAndLineBeforeAnyWrite() throws IOException {
    Path file = Path.of("src/test/resources/states/bad.yaml");
    ProvisioningException read = assertThrows(ProvisioningException.class, () -> StateFiles.read(file));
    assertEquals(List.of(file + ":10: unknown field 'colour' in a source (expected configuration, connector, "
        + "definitionId, name)"), read.problems().stream().map(Problem::toString).toList());

    WorkspaceState state = StateFiles.parse(Files.readString(file).replace("colour: blue", "# colour: blue"), "bad.yaml");
    fake().clearRequests();
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(state));
    List<String> problems = e.problems().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "bad.yaml:8: source \"pg-prod\": the name is used twice (also at bad.yaml:3); names identify resources",
        "bad.yaml:19: connection \"pg-to-sink\": hours must be from 0 to 23: '25'",
        "bad.yaml:20: connection \"pg-to-sink\": 'paused' is not one of active, inactive",
        "bad.yaml:22: connection \"orphan\": no source named \"mysql-prod\" is declared (declared: pg-prod)",
        "bad.yaml:26: connection \"orphan\" stream \"users\": 'incremental_sideways' is not one of "
            + String.join(", ", Planner.SYNC_MODES.stream().sorted().toList()),
        // From the connector's schema (airbyte-connectors), at the configuration or the resource.
        "bad.yaml:6: source \"pg-prod\": database: is required",
        "bad.yaml:6: source \"pg-prod\": username: is required",
        "bad.yaml:12: destination \"sink\": test_destination: is required"), problems);
    assertEquals(List.of(), writes(), "nothing is written");
    assertTrue(e.getMessage().startsWith("8 problems in the desired state:\n  bad.yaml:8:"), e.getMessage());
  }

  @Test
  void aSourceTypeInTheConfigurationNamesTheConnector() {
    ActorSpec source = StateFiles.parse("""
        workspace: Default Workspace
        sources:
          - name: pg
            configuration: { sourceType: postgres, host: db.internal }
        """, "x.yaml").sources().get(0);
    assertEquals("postgres", source.connector());
    assertEquals(Map.of("host", "db.internal"), source.configuration(), "Airbyte strips it from what it stores");
  }

  @Test
  void unknownConnectorAndBadYamlAreProblemsWithLines() {
    WorkspaceState state = StateFiles.parse("""
        workspace: Default Workspace
        sources:
          - name: x
            connector: no-such-connector
        """, "x.yaml");
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(state));
    assertEquals("x.yaml:4: source \"x\": unknown source connector 'no-such-connector'",
        e.problems().get(0).toString());

    ProvisioningException syntax = assertThrows(ProvisioningException.class,
        () -> StateFiles.parse("workspace: a\nsources: [\n", "broken.yaml"));
    assertTrue(syntax.problems().get(0).toString().startsWith("broken.yaml:3: not valid YAML or JSON"),
        syntax.problems().toString());
  }

  @Test
  void aFolderOfFilesIsReadInNameOrderAndWrittenFilesReadBackEqual(@TempDir Path dir) throws IOException {
    WorkspaceState state = StateFiles.parse(PIPELINE, "pipeline.yaml");
    StateFiles.write(state, dir.resolve("b.yaml"));
    Files.writeString(dir.resolve("a.json"), "{\"workspaceId\": \"" + workspaceId + "\"}");
    Files.writeString(dir.resolve("notes.txt"), "not a state");
    List<WorkspaceState> states = StateFiles.read(dir);
    assertEquals(2, states.size());
    assertEquals(workspaceId, states.get(0).workspaceId());
    WorkspaceState back = states.get(1);
    assertEquals(StateFiles.toYaml(state), StateFiles.toYaml(back));
    assertEquals("${NOT_A_SECRET}", back.sources().get(0).configuration().get("template"));
    assertTrue(Files.readString(dir.resolve("b.yaml")).contains("password: ${PG_PASSWORD}"));
    assertTrue(Files.readString(dir.resolve("b.yaml")).contains("country: NO"));
  }

  @Test
  void cronExpressionsAreCheckedAsQuartzDoes() {
    for (String ok : List.of("0 0 6 * * ?", "0 */15 * ? * MON-FRI", "0 0 12 L * ?", "0 0 12 ? * 6#3",
        "0 15 10 ? * 6L 2027", "0 0/5 14,18 * * ?", "0 0 0 15W * ?", "0 0 0 ? JAN-MAR SUN")) {
      assertNull(CronExpressions.problem(ok), ok);
    }
    Map<String, String> bad = Map.of(
        "0 6 * * *", "a Unix cron has no seconds field",
        "0 0 6 * * *", "one of day-of-month and day-of-week must be '?'",
        "0 0 6 ? * ?", "'?' may stand in only one",
        "0 60 * * * ?", "minutes must be from 0 to 59",
        "0 0 6 32 * ?", "day-of-month must be from 1 to 31",
        "0 0 6 * 13 ?", "month must be from 1 to 12",
        "0 0 6 ? * FUNDAY", "not a day-of-week",
        "0 0 6 ? * 2#6", "occurrence",
        "0 0/0 * * * ?", "step must be from 1");
    bad.forEach((expression, message) -> {
      String problem = CronExpressions.problem(expression);
      assertTrue(problem != null && problem.contains(message), expression + ": " + problem);
    });
  }
}
