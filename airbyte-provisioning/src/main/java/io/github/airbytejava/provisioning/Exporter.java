package io.github.airbytejava.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A live workspace as a desired state that plans with no change. */
final class Exporter {
  private Exporter() {}

  static WorkspaceState export(Live.Api api, ConnectorFacts facts, Live.Workspace workspace) {
    UUID ws = workspace.id();
    List<Problem> problems = new ArrayList<>();
    WorkspaceState.Builder state = WorkspaceState.builder().workspaceId(ws).workspaceName(workspace.name());
    Map<UUID, String> names = new HashMap<>();
    for (ActorSpec.Kind kind : ActorSpec.Kind.values()) {
      Map<String, UUID> seen = new HashMap<>();
      for (Live.Actor a : api.actors(kind, ws)) {
        UUID other = seen.putIfAbsent(a.name(), a.id());
        if (other != null) {
          problems.add(new Problem(null, 0, kind.label() + " \"" + a.name() + "\"", "the workspace has two of this"
              + " name (" + other + ", " + a.id() + "); rename one before exporting"));
          continue;
        }
        names.put(a.id(), a.name());
        ActorSpec.Builder spec = kind == ActorSpec.Kind.SOURCE ? ActorSpec.source(a.name())
            : ActorSpec.destination(a.name());
        if (a.connector() != null && !a.connector().isEmpty()) spec.connector(a.connector());
        spec.definitionId(a.definitionId());
        Map<String, Object> configuration = new LinkedHashMap<>(a.configuration());
        configuration.remove(kind.typeKey()); // the connector has its own field
        spec.configuration(withReferences(facts, kind, a.definitionId(), a.name(), List.of(), List.of(),
            configuration));
        if (kind == ActorSpec.Kind.SOURCE) state.source(spec.build()); else state.destination(spec.build());
      }
    }
    List<Live.Connection> connections = api.connections(ws);
    Map<UUID, String> tagNames = new HashMap<>();
    if (connections.stream().anyMatch(c -> !c.tagIds().isEmpty())) {
      for (Live.Tag t : api.tags(ws)) {
        tagNames.put(t.id(), t.name());
        state.tagColor(t.name(), t.color());
      }
    }
    Map<String, UUID> seen = new HashMap<>();
    for (Live.Connection c : connections) {
      UUID other = seen.putIfAbsent(c.name(), c.id());
      if (other != null) {
        problems.add(new Problem(null, 0, "connection \"" + c.name() + "\"", "the workspace has two of this name ("
            + other + ", " + c.id() + "); rename one before exporting"));
        continue;
      }
      ConnectionSpec.Builder spec = ConnectionSpec.builder(c.name(), names.getOrDefault(c.sourceId(),
          c.sourceId().toString()), names.getOrDefault(c.destinationId(), c.destinationId().toString()));
      // Only what a request may set: a locked connection's status is Airbyte's to change.
      spec.schedule(c.schedule()).status(Planner.STATUSES.contains(c.status()) ? c.status() : null)
          .namespaceDefinition(c.namespaceDefinition())
          .namespaceFormat("custom_format".equals(c.namespaceDefinition()) ? c.namespaceFormat() : null)
          .prefix(c.prefix() == null ? "" : c.prefix())
          .nonBreakingSchemaUpdatesBehavior(c.nonBreakingSchemaUpdatesBehavior())
          .tags(c.tagIds().stream().map(id -> tagNames.getOrDefault(id, id.toString())).toList());
      List<StreamSpec> streams = new ArrayList<>();
      for (Live.Stream s : c.streams()) {
        StreamSpec.Builder b = StreamSpec.builder(s.name()).namespace(s.namespace()).syncMode(s.syncMode());
        if (s.cursorField() != null) b.cursorField(s.cursorField());
        if (s.primaryKey() != null) b.primaryKey(s.primaryKey());
        streams.add(b.build());
      }
      spec.streams(streams);
      state.connection(spec.build());
    }
    if (!problems.isEmpty()) throw new ProvisioningException(problems);
    return state.build();
  }

  /**
   * The configuration with masked and schema-secret values replaced by references, and {@code ${} escaped.
   * {@code path} is the schema's path (array indexes left out, as secret paths have them); {@code naming} the one
   * the reference is named after, with indexes, so two items of a list get two secrets.
   */
  private static Map<String, Object> withReferences(ConnectorFacts facts, ActorSpec.Kind kind, UUID definitionId,
      String name, List<String> path, List<String> naming, Map<String, Object> configuration) {
    Map<String, Object> out = new LinkedHashMap<>();
    configuration.forEach((k, v) -> out.put(k, value(facts, kind, definitionId, name, with(path, k), with(naming, k),
        v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object value(ConnectorFacts facts, ActorSpec.Kind kind, UUID definitionId, String name,
      List<String> path, List<String> naming, Object v) {
    if (v instanceof Map<?, ?> m) {
      return withReferences(facts, kind, definitionId, name, path, naming, (Map<String, Object>) m);
    }
    if (Values.MASK.equals(v) || (v != null && facts.isSecret(kind, definitionId, path))) {
      return Secret.ref(referenceName(name, naming));
    }
    if (v instanceof String s) return s.replace("${", "$${");
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        out.add(value(facts, kind, definitionId, name, path, with(naming, String.valueOf(i)), l.get(i)));
      }
      return out;
    }
    return v;
  }

  private static List<String> with(List<String> path, String key) {
    List<String> p = new ArrayList<>(path);
    p.add(key);
    return p;
  }

  /** {@code PG_PROD_PASSWORD} for the field {@code password} of {@code pg-prod}. */
  static String referenceName(String resource, List<String> path) {
    String raw = resource + "_" + String.join("_", path);
    String upper = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]+", "_");
    return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
  }
}
