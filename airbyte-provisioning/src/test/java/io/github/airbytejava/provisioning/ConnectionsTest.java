package io.github.airbytejava.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.StreamConfiguration;
import io.github.airbytejava.generated.model.TagCreateRequest;
import io.github.airbytejava.provisioning.ResourceChange.Action;
import io.github.airbytejava.testkit.FakeStream;
import io.github.airbytejava.testkit.ReceivedRequest;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Connections fully: streams checked against GET /streams, schedules, tags, namespace settings. */
class ConnectionsTest extends ProvisioningTestSupport {

  private static ActorSpec faker(String name) {
    return ActorSpec.source(name).connector("faker").configuration(Map.of("count", 100, "seed", 1)).build();
  }

  private WorkspaceState withConnection(ConnectionSpec connection) {
    return state().source(faker("faker")).destination(devNull("sink")).connection(connection).build();
  }

  private static ConnectionSpec.Builder fakerToSink() {
    return ConnectionSpec.builder("faker-to-sink", "faker", "sink");
  }

  private ConnectionResponse live(String name) {
    return client.paginate().connections().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void streamsWithSyncModesAreCreatedThenUnchangedThenUpdatedInPlace() {
    ConnectionSpec connection = fakerToSink()
        .stream(StreamSpec.builder("users").syncMode("incremental_deduped_history").build())
        .stream(StreamSpec.builder("products").syncMode("full_refresh_overwrite").build())
        .namespaceDefinition("custom_format").namespaceFormat("${SOURCE_NAMESPACE}_raw")
        .nonBreakingSchemaUpdatesBehavior("propagate_columns").build();
    provisioner.apply(provisioner.plan(withConnection(connection))).orThrow();
    ConnectionResponse created = live("faker-to-sink");
    assertEquals(List.of("users", "products"),
        created.getConfigurations().getStreams().stream().map(StreamConfiguration::getName).toList());
    assertEquals("${SOURCE_NAMESPACE}_raw", created.getNamespaceFormat(), "a literal ${ in a connection setting");

    // The server filled in the cursor and primary key: not managed here, so not drift.
    Plan again = provisioner.plan(withConnection(connection));
    assertFalse(again.hasChanges(), again.render());

    ConnectionSpec changed = fakerToSink()
        .stream(StreamSpec.builder("users").syncMode("incremental_append").build())
        .stream(StreamSpec.builder("products").syncMode("full_refresh_overwrite").build())
        .stream(StreamSpec.builder("purchases").syncMode("full_refresh_append").build())
        .namespaceDefinition("custom_format").namespaceFormat("${SOURCE_NAMESPACE}_raw")
        .nonBreakingSchemaUpdatesBehavior("propagate_columns").build();
    Plan plan = provisioner.plan(withConnection(changed));
    ResourceChange update = plan.pending().get(0);
    assertEquals(List.of(
        new FieldChange("streams[users].syncMode", "\"incremental_deduped_history\"", "\"incremental_append\""),
        new FieldChange("streams[purchases]", null, "full_refresh_append")), update.fields());
    fake().clearRequests();
    provisioner.apply(plan).orThrow();
    List<ReceivedRequest> writes = writes();
    assertEquals(1, writes.size());
    assertEquals("PATCH", writes.get(0).method());
    assertTrue(writes.get(0).body().contains("\"cursorField\":[\"updated_at\"]"), "live stream settings kept: "
        + writes.get(0).body());
    assertFalse(provisioner.plan(withConnection(changed)).hasChanges());
  }

  @Test
  void streamsAreCheckedAgainstTheSourceBeforeAnythingIsWritten() {
    provisioner.apply(provisioner.plan(state().source(faker("faker")).destination(devNull("sink")).build())).orThrow();
    UUID sourceId = client.paginate().sources().filter(s -> s.getName().equals("faker")).findFirst().orElseThrow()
        .getSourceId();
    fake().setStreams(sourceId, List.of(
        FakeStream.builder("events").syncModes(FakeStream.SyncMode.FULL_REFRESH).fields("id", "at").build(),
        FakeStream.builder("accounts").syncModes(FakeStream.SyncMode.FULL_REFRESH, FakeStream.SyncMode.INCREMENTAL)
            .fields("id", "name", "changed").build()));
    WorkspaceState state = StateFiles.parse("""
        workspace: Default Workspace
        sources:
          - name: faker
            connector: faker
            configuration: { count: 100, seed: 1 }
        destinations:
          - name: sink
            connector: dev-null
            configuration: { test_destination: { test_destination_type: SILENT } }
        connections:
          - name: faker-to-sink
            source: faker
            destination: sink
            streams:
              - name: customers
              - name: events
                syncMode: incremental_append
              - name: accounts
                syncMode: incremental_deduped_history
                cursorField: modified
        """, "streams.yaml");
    fake().clearRequests();
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(state));
    assertEquals(List.of(
        "streams.yaml:15: connection \"faker-to-sink\" stream \"customers\": source \"faker\" has no such stream "
            + "(it has: accounts, events)",
        "streams.yaml:17: connection \"faker-to-sink\" stream \"events\": the stream supports full_refresh_append, "
            + "full_refresh_overwrite, not incremental_append",
        "streams.yaml:20: connection \"faker-to-sink\" stream \"accounts\": the stream has no field [\"modified\"]",
        "streams.yaml:18: connection \"faker-to-sink\" stream \"accounts\": incremental_deduped_history needs a "
            + "primaryKey; the source defines none"), e.problems().stream().map(Problem::toString).toList());
    assertEquals(List.of(), writes());
  }

  @Test
  void streamsOfASourceCreatedInTheSameApplyAreCheckedBeforeTheConnectionIsWritten() {
    ConnectionSpec connection = fakerToSink().stream(StreamSpec.of("no-such-stream")).build();
    Plan plan = provisioner.plan(withConnection(connection));
    assertTrue(plan.render().contains("(streams checked against the new source before any connection is written)"),
        plan.render());
    ApplyResult result = provisioner.apply(plan);
    assertFalse(result.succeeded());
    assertEquals("faker-to-sink", result.failed().name());
    assertTrue(result.error() instanceof ProvisioningException, String.valueOf(result.error()));
    assertTrue(result.error().getMessage().contains("source \"faker\" has no such stream (it has: products, "
        + "purchases, users)"), result.error().getMessage());
    assertEquals(0, client.paginate().connections().count(), "the connection was not written");
  }

  @Test
  void cronComesBackWithUtcAndIsNoDriftBadCronsAreProblemsBasicSchedulesAreReadOnly() {
    ConnectionSpec daily = fakerToSink().schedule(Schedule.cron("0 0 6 * * ?")).build();
    provisioner.apply(provisioner.plan(withConnection(daily))).orThrow();
    ConnectionResponse live = live("faker-to-sink");
    assertEquals("0 0 6 * * ? UTC", live.getSchedule().getCronExpression(), "as Airbyte answers");
    assertFalse(provisioner.plan(withConnection(daily)).hasChanges());
    assertFalse(provisioner.plan(withConnection(fakerToSink().schedule(Schedule.cron("0  0 6 * * ? UTC")).build()))
        .hasChanges());

    ProvisioningException bad = assertThrows(ProvisioningException.class, () -> provisioner.plan(withConnection(
        fakerToSink().schedule(Schedule.cron("0 0 6 * * MON")).build())));
    assertTrue(bad.getMessage().contains("one of day-of-month and day-of-week must be '?'"), bad.getMessage());

    fake().setBasicSchedule(live.getConnectionId(), 24, ChronoUnit.HOURS);
    WorkspaceState exported = provisioner.export(workspaceId);
    assertEquals(Schedule.basic("Every 24 HOURS"), exported.connections().get(0).schedule());
    assertFalse(provisioner.plan(StateFiles.parse(StateFiles.toYaml(exported), "x.yaml")).hasChanges());
    ProvisioningException basic = assertThrows(ProvisioningException.class, () -> provisioner.plan(withConnection(
        fakerToSink().schedule(Schedule.basic("Every 12 HOURS")).build())));
    assertTrue(basic.getMessage().contains("a basic schedule can only be set in the web app; use cron"),
        basic.getMessage());
    Plan toCron = provisioner.plan(withConnection(daily));
    assertEquals(List.of(new FieldChange("schedule", "basic \"Every 24 HOURS\"", "cron \"0 0 6 * * ?\"")),
        toCron.pending().get(0).fields());
  }

  @Test
  void aNamespaceFormatIsComparedOnlyWhereCustomFormatUsesIt() {
    provisioner.apply(provisioner.plan(withConnection(fakerToSink().namespaceDefinition("custom_format")
        .namespaceFormat("raw_${SOURCE_NAMESPACE}").build()))).orThrow();
    Plan reformat = provisioner.plan(withConnection(fakerToSink().namespaceDefinition("custom_format")
        .namespaceFormat("stage_${SOURCE_NAMESPACE}").build()));
    assertEquals(List.of(new FieldChange("namespaceFormat", "\"raw_${SOURCE_NAMESPACE}\"",
        "\"stage_${SOURCE_NAMESPACE}\"")), reformat.pending().get(0).fields());

    WorkspaceState toDestination = withConnection(fakerToSink().namespaceDefinition("destination").build());
    Plan plan = provisioner.plan(toDestination);
    assertEquals(List.of(new FieldChange("namespaceDefinition", "\"custom_format\"", "\"destination\"")),
        plan.pending().get(0).fields());
    provisioner.apply(plan).orThrow();
    assertFalse(provisioner.plan(toDestination).hasChanges(), "the stale format is not drift");
    assertFalse(provisioner.plan(StateFiles.parse(StateFiles.toYaml(provisioner.export(workspaceId)), "x.yaml"))
        .hasChanges());

    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(withConnection(
        fakerToSink().namespaceDefinition("custom_format").build())));
    assertTrue(e.getMessage().contains("custom_format needs a namespaceFormat"), e.getMessage());
  }

  @Test
  void aTagAnotherApplyCreatedSinceThePlanIsUsedNotDuplicated() {
    WorkspaceState state = state().source(faker("faker")).destination(devNull("sink"))
        .connection(fakerToSink().tags("prod").build()).build();
    Plan plan = provisioner.plan(state);
    TagCreateRequest meanwhile = new TagCreateRequest();
    meanwhile.setName("prod");
    meanwhile.setColor("D62728");
    meanwhile.setWorkspaceId(workspaceId);
    UUID theirs = client.tags().createTag(meanwhile).execute().getTagId();

    ApplyResult result = provisioner.apply(plan);

    assertTrue(result.succeeded(), result.summary());
    assertEquals(List.of(theirs), live("faker-to-sink").getTags().stream()
        .map(io.github.airbytejava.generated.model.Tag::getTagId).toList());
    assertEquals(1, client.tags().listTags().workspaceIds(List.of(workspaceId)).execute().getData().size());
    assertFalse(provisioner.plan(state).hasChanges());
  }

  @Test
  void tagsAreCreatedWhenMissingAndComparedByName() {
    ConnectionSpec tagged = fakerToSink().tags("prod", "team-a").build();
    WorkspaceState state = state().source(faker("faker")).destination(devNull("sink")).connection(tagged)
        .tagColor("prod", "D62728").build();
    Plan plan = provisioner.plan(state);
    assertEquals(List.of("tag prod", "tag team-a"), plan.pending().stream()
        .filter(c -> c.type() == ResourceChange.Type.TAG).map(c -> "tag " + c.name()).toList());
    provisioner.apply(plan).orThrow();
    assertEquals(List.of("prod", "team-a"), live("faker-to-sink").getTags().stream()
        .map(io.github.airbytejava.generated.model.Tag::getName).sorted().toList());
    assertFalse(provisioner.plan(state).hasChanges());

    WorkspaceState retagged = state().source(faker("faker")).destination(devNull("sink"))
        .connection(fakerToSink().tags("prod").build()).build();
    Plan untag = provisioner.plan(retagged);
    assertEquals(1, untag.count(Action.UPDATE));
    assertEquals(List.of(new FieldChange("tags", "[\"prod\", \"team-a\"]", "[\"prod\"]")),
        untag.pending().get(0).fields());
    provisioner.apply(untag).orThrow();
    assertFalse(provisioner.plan(retagged).hasChanges());

    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(state()
        .tagColor("prod", "#D62728").connection(fakerToSink().tags("a-tag-name-longer-than-thirty-chars").build())
        .source(faker("faker")).destination(devNull("sink")).build()));
    assertEquals(2, e.problems().size(), e.getMessage());
  }

  @Test
  void anExportedWorkspaceWithStreamsAndTagsPlansWithNoChange() {
    ConnectionSpec connection = fakerToSink().tags("prod").schedule(Schedule.cron("0 30 2 ? * MON-FRI"))
        .stream(StreamSpec.builder("users").syncMode("incremental_deduped_history").build())
        .stream(StreamSpec.builder("products").syncMode("full_refresh_append").build()).build();
    provisioner.apply(provisioner.plan(withConnection(connection))).orThrow();
    String yaml = StateFiles.toYaml(provisioner.export(workspaceId));
    assertTrue(yaml.contains("cursorField:\n          - updated_at"), yaml);
    Plan plan = provisioner.plan(StateFiles.parse(yaml, "exported.yaml"));
    assertFalse(plan.hasChanges(), plan.render() + yaml);
    assertEquals(3, plan.count(Action.UNCHANGED), plan.render());
  }

  @Test
  void aRangeThatWrapsAroundIsAValidQuartzCronButAYearRangeMayNot() {
    // Quartz runs 22-2 as 22, 23, 0, 1, 2 (and FRI-MON, 30-2 alike); only a year range must not run backwards.
    for (String cron : List.of("0 0 22-2 * * ?", "0 50-10 * * * ?", "0 0 6 30-2 * ?", "0 0 6 ? NOV-FEB FRI-MON")) {
      Plan plan = provisioner.plan(withConnection(fakerToSink().schedule(Schedule.cron(cron)).build()));
      assertEquals(3, plan.count(Action.CREATE), cron);
    }
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(
        withConnection(fakerToSink().schedule(Schedule.cron("0 0 6 * * ? 2030-2027")).build())));
    assertTrue(e.getMessage().contains("the year range '2030-2027' runs backwards"), e.getMessage());
  }
}
