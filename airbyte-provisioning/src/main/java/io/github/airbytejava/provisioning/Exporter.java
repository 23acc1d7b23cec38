package io.github.airbytejava.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
    Set<String> references = new HashSet<>();
    WorkspaceNotifications notifications = notifications(workspace.notifications(), references);
    if (!notifications.events().isEmpty()) state.notifications(notifications);
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
        spec.configuration(new References(facts, kind, a.definitionId(), a.name(), references)
            .withReferences(List.of(), List.of(), configuration));
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
        List<List<String>> selected = Planner.selectedFields(s);
        if (!selected.isEmpty()) b.selectedFields(selected);
        List<Object> mappers = Planner.mappers(s);
        if (!mappers.isEmpty()) {
          List<Map<String, ?>> list = new ArrayList<>();
          for (int i = 0; i < mappers.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) mappers.get(i);
            list.add(mapperWithReferences(m, List.of(c.name(), s.name(), "mapper", String.valueOf(i)), references));
          }
          b.mappers(list);
        }
        if (s.raw().get("includeFiles") instanceof Boolean files && files) b.includeFiles(true);
        if (s.raw().get("destinationObjectName") instanceof String object) b.destinationObjectName(object);
        streams.add(b.build());
      }
      spec.streams(streams);
      state.connection(spec.build());
    }
    if (!problems.isEmpty()) throw new ProvisioningException(problems);
    return state.build();
  }

  /**
   * One resource's configuration with masked and schema-secret values replaced by references, and {@code ${}
   * escaped. Reference names are unique within the export ({@code pg-prod} and {@code pg_prod} would both give
   * {@code PG_PROD_PASSWORD}: the second gets {@code PG_PROD_PASSWORD_2}), so that no two secrets share one.
   */
  private record References(ConnectorFacts facts, ActorSpec.Kind kind, UUID definitionId, String name,
      Set<String> used) {

    /**
     * {@code path} is the schema's path (array indexes left out, as secret paths have them); {@code naming} the one
     * the reference is named after, with indexes, so two items of a list get two secrets.
     */
    Map<String, Object> withReferences(List<String> path, List<String> naming, Map<String, Object> configuration) {
      Map<String, Object> out = new LinkedHashMap<>();
      configuration.forEach((k, v) -> out.put(k, value(with(path, k), with(naming, k), v)));
      return out;
    }

    @SuppressWarnings("unchecked")
    private Object value(List<String> path, List<String> naming, Object v) {
      if (v instanceof Map<?, ?> m) return withReferences(path, naming, (Map<String, Object>) m);
      if (Values.MASK.equals(v) || (v != null && facts.isSecret(kind, definitionId, path))) {
        return Secret.ref(unique(referenceName(name, naming), used));
      }
      if (v instanceof String s) return s.replace("${", "$${");
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) out.add(value(path, with(naming, String.valueOf(i)), l.get(i)));
        return out;
      }
      return v;
    }
  }

  /** The events that notify anyone; a webhook URL as a reference, since it may carry a token. */
  @SuppressWarnings("unchecked")
  private static WorkspaceNotifications notifications(Map<String, Object> live, Set<String> used) {
    WorkspaceNotifications.Builder b = WorkspaceNotifications.builder();
    for (WorkspaceNotifications.Event event : WorkspaceNotifications.Event.values()) {
      if (!(live.get(event.wireName()) instanceof Map<?, ?> config)) continue;
      Map<String, Object> email = config.get("email") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      Map<String, Object> hook = config.get("webhook") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      boolean emailOn = Boolean.TRUE.equals(email.get("enabled"));
      boolean hookOn = Boolean.TRUE.equals(hook.get("enabled"));
      Object url = hook.get("url");
      if (!emailOn && !hookOn && url == null) continue;
      b.email(event, emailOn);
      if (url != null) {
        b.webhook(event, Secret.ref(unique(referenceName("workspace", List.of(event.wireName(), "webhook", "url")),
            used)));
      }
      b.webhookEnabled(event, hookOn);
    }
    return b.build();
  }

  /**
   * A mapper with its secret-looking values (an encryption mapper's {@code key}) as references and {@code ${}
   * escaped, so that no key is written to a file.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapperWithReferences(Map<String, Object> mapper, List<String> naming,
      Set<String> used) {
    Map<String, Object> out = new LinkedHashMap<>();
    mapper.forEach((k, v) -> {
      List<String> name = with(naming, k);
      if (v instanceof Map<?, ?> m) {
        out.put(k, mapperWithReferences((Map<String, Object>) m, name, used));
      } else if (v != null && (Values.MASK.equals(v) || io.github.airbytejava.SecretFields.looksSecret(k))) {
        out.put(k, Secret.ref(unique(referenceName(name.get(0), name.subList(1, name.size())), used)));
      } else {
        out.put(k, v instanceof String str ? str.replace("${", "$${") : v);
      }
    });
    return out;
  }

  /** {@code base}, or {@code base_2}, {@code base_3}, ... when taken; the name returned is then taken. */
  static String unique(String base, Set<String> used) {
    String name = base;
    for (int i = 2; !used.add(name); i++) name = base + "_" + i;
    return name;
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
