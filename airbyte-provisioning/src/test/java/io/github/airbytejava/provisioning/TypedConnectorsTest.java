package io.github.airbytejava.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.connectors.Connector;
import io.github.airbytejava.connectors.Connectors;
import io.github.airbytejava.connectors.sources.SourcePostgres;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configurations through airbyte-connectors: typed, validated, secrets and defaults from the schema. */
class TypedConnectorsTest extends ProvisioningTestSupport {

  @Test
  void aTypedConfigurationNamesItsConnectorAndItsSchemaSecretsAreNeverPrinted() {
    SourcePostgres postgres = SourcePostgres.builder().host("db.internal").port(5432).database("app")
        .username("airbyte").password("literal-" + PASSWORD).sslMode(SourcePostgres.SslMode.prefer()).build();
    ActorSpec spec = ActorSpec.source("pg").configuration(postgres).build();
    assertEquals("postgres", spec.connector());
    assertEquals(POSTGRES_SOURCE, spec.definitionId());

    Plan plan = provisioner.plan(state().source(spec).build());
    String rendered = plan.render();
    assertFalse(rendered.contains(PASSWORD), rendered);
    assertTrue(rendered.lines().anyMatch(l -> l.matches(" +\\+ configuration\\.password += \\(secret\\)")), rendered);
    provisioner.apply(plan).orThrow();
    assertFalse(provisioner.plan(state().source(spec).build()).hasChanges());

    // Exported, the schema's secret is a reference even where the server did not mask it.
    String yaml = StateFiles.toYaml(provisioner.export(workspaceId));
    assertTrue(yaml.contains("password: ${PG_PASSWORD}"), yaml);
    assertFalse(yaml.contains(PASSWORD), yaml);
  }

  @Test
  void aSecretReferenceInATypedConfigurationIsResolvedWhenSent() {
    SourcePostgres postgres = SourcePostgres.builder().host("db.internal").port(5432).database("app")
        .username("airbyte").password("${PG_PASSWORD}").sslMode(SourcePostgres.SslMode.prefer()).build();
    fake().clearRequests();
    provisioner.apply(provisioner.plan(state().source(ActorSpec.source("pg").configuration(postgres).build())
        .build())).orThrow();
    assertTrue(writes().get(0).body().contains("\"password\":\"" + PASSWORD + "\""), writes().get(0).body());
  }

  @Test
  void aTypedBuildersSecretFieldTakesASecretReference() {
    SourcePostgres postgres = SourcePostgres.builder().host("db.internal").port(5432).database("app")
        .username("airbyte").password(Secret.ref("PG_PASSWORD")).sslMode(SourcePostgres.SslMode.prefer()).build();
    Plan plan = provisioner.plan(state().source(ActorSpec.source("pg").configuration(postgres).build()).build());
    assertTrue(plan.render().lines().anyMatch(l -> l.matches(" +\\+ configuration\\.password += "
        + "\\(secret \\$\\{PG_PASSWORD}\\)")), plan.render());
    fake().clearRequests();
    provisioner.apply(plan).orThrow();
    assertTrue(writes().get(0).body().contains("\"password\":\"" + PASSWORD + "\""), "resolved when sent");
  }

  @Test
  void aValueTheServerFilledInFromTheSchemaDefaultIsNotDrift() {
    Connector connector = Connectors.source("postgres");
    Map.Entry<List<String>, Object> byDefault = connector.defaults().entrySet().stream()
        .filter(e -> e.getKey().size() == 1 && !(e.getValue() instanceof Map)).findFirst().orElseThrow();
    String key = byDefault.getKey().get(0);
    Map<String, Object> desired = new LinkedHashMap<>(Map.of("host", "db.internal", "port", 5432,
        "database", "app", "username", "airbyte", "password", "${PG_PASSWORD}", "ssl_mode", Map.of("mode", "prefer")));
    desired.remove(key);
    Map<String, Object> live = new LinkedHashMap<>(desired);
    live.put("password", PASSWORD);
    live.put(key, byDefault.getValue());
    client.sources().createSource(new SourceCreateRequest().name("pg").workspaceId(workspaceId)
        .definitionId(POSTGRES_SOURCE).configuration(live)).execute();

    Plan plan = provisioner.plan(state().source(ActorSpec.source("pg").connector("postgres").configuration(desired)
        .build()).build());
    assertFalse(plan.hasChanges(), key + "=" + byDefault.getValue() + "\n" + plan.render());
  }

  @Test
  void aConfigurationIsValidatedAgainstItsSchemaBeforeAnyWrite() {
    WorkspaceState state = StateFiles.parse("""
        workspace: Default Workspace
        sources:
          - name: pg
            connector: postgres
            configuration:
              host: db.internal
              port: 99999
              username: airbyte
              password: ${PG_PASSWORD}
        """, "pg.yaml");
    fake().clearRequests();
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(state));
    List<String> problems = e.problems().stream().map(Problem::toString).toList();
    assertTrue(problems.contains("pg.yaml:6: source \"pg\": database: is required"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("pg.yaml:7: source \"pg\": port: must be at most")),
        problems.toString());
    assertEquals(List.of(), writes());
  }
}
