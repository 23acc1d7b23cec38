package io.github.airbytejava.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Desired states as files: one YAML or JSON document per workspace, or a folder of them ({@code *.yaml},
 * {@code *.yml}, {@code *.json}), read by the same code. Every problem of every file is reported together, each with
 * its file and line, in one {@link ProvisioningException}.
 *
 * <pre>{@code
 * workspace: analytics                 # or workspaceId: 3f0c...
 * deleteUnlisted: ["etl-*"]            # optional: unlisted resources with these names are deleted
 * sources:
 *   - name: pg-prod
 *     connector: postgres              # a slug, or definitionId: <uuid>
 *     configuration:
 *       host: db.internal
 *       port: 5432
 *       password: ${PG_PASSWORD}       # a secret reference, read from the environment
 * destinations:
 *   - name: warehouse
 *     connector: bigquery
 *     configuration: { ... }
 * connections:
 *   - name: pg-to-warehouse
 *     source: pg-prod
 *     destination: warehouse
 *     schedule: { cron: "0 0 6 * * ?" } # or manual, or { basic: "Every 24 HOURS" }
 *     status: active
 *     tags: [prod]
 *     streams:
 *       - name: users
 *         syncMode: incremental_deduped_history
 *         cursorField: updated_at
 *         primaryKey: [id]
 * }</pre>
 *
 * <p>Scalars follow YAML 1.2's core schema, as JSON does: only {@code true}/{@code false} are booleans (not
 * {@code yes}, {@code on}), and {@code null} or {@code ~} is null.
 */
public final class StateFiles {
  private static final Set<String> TOP = Set.of("workspace", "workspaceId", "organizationId", "notifications",
      "deleteUnlisted", "tags", "sources", "destinations", "connections");
  private static final Set<String> NOTIFICATION = Set.of("email", "webhook", "webhookUrl");
  private static final Set<String> ACTOR = Set.of("name", "connector", "definitionId", "configuration");
  private static final Set<String> CONNECTION = Set.of("name", "source", "destination", "streams", "schedule",
      "status", "namespaceDefinition", "namespaceFormat", "prefix", "nonBreakingSchemaUpdatesBehavior", "tags");
  private static final Set<String> STREAM = Set.of("name", "namespace", "syncMode", "cursorField", "primaryKey",
      "selectedFields", "mappers", "includeFiles", "destinationObjectName");

  private StateFiles() {}

  /**
   * The desired states in a file, or in every {@code .yaml}, {@code .yml} and {@code .json} file of a folder (not
   * its subfolders), in name order.
   *
   * @throws ProvisioningException listing every problem of every file
   * @throws UncheckedIOException when a file cannot be read
   */
  public static List<WorkspaceState> read(Path path) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        list.filter(p -> p.getFileName().toString().matches("(?i).*\\.(ya?ml|json)") && Files.isRegularFile(p))
            .sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
      }
    } else {
      files.add(path);
    }
    List<Problem> problems = new ArrayList<>();
    if (files.isEmpty()) problems.add(new Problem(path.toString(), 0, null, "no .yaml, .yml or .json file in this folder"));
    List<WorkspaceState> states = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
      }
      WorkspaceState state = new Reader(file.toString(), problems).document(text);
      if (state != null) states.add(state);
    }
    if (!problems.isEmpty()) throw new ProvisioningException(problems);
    return states;
  }

  /**
   * The desired state in {@code text} (YAML or JSON); {@code fileName} is only for problem reports.
   *
   * @throws ProvisioningException listing every problem
   */
  public static WorkspaceState parse(String text, String fileName) {
    List<Problem> problems = new ArrayList<>();
    WorkspaceState state = new Reader(fileName, problems).document(text);
    if (!problems.isEmpty()) throw new ProvisioningException(problems);
    return state;
  }

  /** The state as YAML that {@link #parse} reads back to an equal state; secrets as their references. */
  public static String toYaml(WorkspaceState state) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    // Plain YAML: an object the tree holds twice (an empty list shared by two fields) is written twice, never as
    // an anchor and an alias, which many YAML readers and reviewers do not expect.
    options.setDereferenceAliases(true);
    Representer representer = new Representer(options) {
      {
        this.representers.put(BigDecimal.class, data -> representScalar(Tag.FLOAT, ((BigDecimal) data).toPlainString()));
      }
    };
    return new Yaml(new SafeConstructor(new LoaderOptions()), representer, options, new LoaderOptions(),
        new CoreSchema()).dump(tree(state));
  }

  /** Writes {@link #toYaml} to {@code file} (UTF-8), replacing it. */
  public static void write(WorkspaceState state, Path file) {
    try {
      Files.writeString(file, toYaml(state), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> tree(WorkspaceState state) {
    Map<String, Object> top = new LinkedHashMap<>();
    if (state.workspaceName() != null) top.put("workspace", state.workspaceName());
    if (state.workspaceId() != null) top.put("workspaceId", state.workspaceId().toString());
    if (state.organizationId() != null) top.put("organizationId", state.organizationId().toString());
    if (state.notifications() != null) {
      Map<String, Object> events = new LinkedHashMap<>();
      state.notifications().events().forEach((event, d) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        if (d.email() != null) m.put("email", d.email());
        if (d.webhookEnabled() != null) m.put("webhook", d.webhookEnabled());
        if (d.webhookUrl() != null) {
          m.put("webhookUrl", d.webhookUrl() instanceof Secret secret ? secret.template()
              : escaped(d.webhookUrl()));
        }
        events.put(event.wireName(), m);
      });
      top.put("notifications", events);
    }
    if (!state.deleteUnlisted().isEmpty()) top.put("deleteUnlisted", state.deleteUnlisted());
    if (!state.tagColors().isEmpty()) top.put("tags", new java.util.TreeMap<>(state.tagColors()));
    for (ActorSpec.Kind kind : ActorSpec.Kind.values()) {
      List<ActorSpec> actors = kind == ActorSpec.Kind.SOURCE ? state.sources() : state.destinations();
      if (actors.isEmpty()) continue;
      List<Object> list = new ArrayList<>();
      for (ActorSpec a : actors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        if (a.connector() != null) m.put("connector", a.connector());
        if (a.definitionId() != null) m.put("definitionId", a.definitionId().toString());
        m.put("configuration", Values.map(escaped(a.configuration()), Secret::template));
        list.add(m);
      }
      top.put(kind.label() + "s", list);
    }
    if (!state.connections().isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (ConnectionSpec c : state.connections()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("source", c.source());
        m.put("destination", c.destination());
        if (c.status() != null) m.put("status", c.status());
        if (c.schedule() != null) {
          m.put("schedule", switch (c.schedule().kind()) {
            case MANUAL -> "manual";
            case CRON -> Map.of("cron", c.schedule().value());
            case BASIC -> Map.of("basic", c.schedule().value());
          });
        }
        if (c.namespaceDefinition() != null) m.put("namespaceDefinition", c.namespaceDefinition());
        if (c.namespaceFormat() != null) m.put("namespaceFormat", c.namespaceFormat());
        if (c.prefix() != null) m.put("prefix", c.prefix());
        if (c.nonBreakingSchemaUpdatesBehavior() != null) {
          m.put("nonBreakingSchemaUpdatesBehavior", c.nonBreakingSchemaUpdatesBehavior());
        }
        if (c.tags() != null) m.put("tags", c.tags());
        if (c.streams() != null) {
          List<Object> streams = new ArrayList<>();
          for (StreamSpec s : c.streams()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            if (s.namespace() != null) sm.put("namespace", s.namespace());
            if (s.syncMode() != null) sm.put("syncMode", s.syncMode());
            if (s.cursorField() != null) sm.put("cursorField", s.cursorField());
            if (s.primaryKey() != null) sm.put("primaryKey", s.primaryKey());
            if (s.selectedFields() != null) {
              // A top-level field as its name, a nested one as its path.
              sm.put("selectedFields", s.selectedFields().stream().map(p -> p.size() == 1 ? (Object) p.get(0) : p)
                  .toList());
            }
            if (s.mappers() != null) sm.put("mappers", Values.map(escaped(s.mappers()), Secret::template));
            if (s.includeFiles() != null) sm.put("includeFiles", s.includeFiles());
            if (s.destinationObjectName() != null) sm.put("destinationObjectName", s.destinationObjectName());
            streams.add(sm);
          }
          m.put("streams", streams);
        }
        list.add(m);
      }
      top.put("connections", list);
    }
    return top;
  }

  /** Literal strings with {@code ${} written as {@code $${}, so that they do not read back as references. */
  private static Object escaped(Object value) {
    if (value instanceof String s) return s.replace("${", "$${");
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), escaped(v)));
      return out;
    }
    if (value instanceof List<?> l) return l.stream().map(StateFiles::escaped).toList();
    return value;
  }

  /** YAML 1.2's core schema (the JSON-compatible one): no {@code yes}/{@code on} booleans, no sexagesimals. */
  private static final class CoreSchema extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
      addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
      addImplicitResolver(Tag.FLOAT,
          Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"), "-+.0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }

  /** Reads one document into a state, adding problems instead of stopping at the first. */
  private static final class Reader {
    private final String file;
    private final List<Problem> problems;

    Reader(String file, List<Problem> problems) {
      this.file = file;
      this.problems = problems;
    }

    private void problem(Node node, String where, String message) {
      problems.add(new Problem(file, node == null ? 0 : line(node), where, message));
    }

    private static int line(Node node) {
      return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    WorkspaceState document(String text) {
      Node root;
      try {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
            options, new CoreSchema()).compose(new java.io.StringReader(text));
      } catch (MarkedYAMLException e) {
        int l = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
        problems.add(new Problem(file, l, null, "not valid YAML or JSON: " + e.getProblem()));
        return null;
      } catch (YAMLException e) {
        problems.add(new Problem(file, 0, null, "not valid YAML or JSON: " + e.getMessage()));
        return null;
      }
      if (!(root instanceof MappingNode top)) {
        problems.add(new Problem(file, root == null ? 0 : line(root), null,
            "the document must be a mapping with workspace, sources, destinations and connections"));
        return null;
      }
      int before = problems.size();
      Map<String, Node> fields = fields(top, TOP, "the document");
      WorkspaceState.Builder state = WorkspaceState.builder();
      Origin origin = new Origin(file, line(top));
      fields.forEach((k, v) -> origin.field(k, line(v)));
      state.origin(origin);
      String name = string(fields.get("workspace"), "workspace");
      UUID id = uuid(fields.get("workspaceId"), "workspaceId");
      if (name == null && id == null) {
        problem(top, null, "give the workspace (its name) or workspaceId");
      }
      state.workspaceName(name).workspaceId(id);
      state.organizationId(uuid(fields.get("organizationId"), "organizationId"));
      Node notifications = fields.get("notifications");
      if (notifications instanceof MappingNode m) {
        state.notifications(notifications(m));
      } else if (notifications != null && !isNull(notifications)) {
        problem(notifications, "notifications", "must map events (failure, success, ...) to {email, webhook, "
            + "webhookUrl}");
      }
      Node guard = fields.get("deleteUnlisted");
      if (guard instanceof ScalarNode) {
        String g = string(guard, "deleteUnlisted");
        if (g != null) state.deleteUnlisted(g);
      } else {
        for (String g : strings(guard, "deleteUnlisted")) state.deleteUnlisted(g);
      }
      Node tags = fields.get("tags");
      if (tags instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          String tag = string(t.getKeyNode(), "tags");
          String color = string(t.getValueNode(), "tags." + tag);
          if (tag != null && color != null) state.tagColor(tag, color);
        }
      } else if (tags != null && !isNull(tags)) {
        problem(tags, "tags", "must map tag names to colors ({prod: D62728})");
      }
      for (Node n : items(fields.get("sources"), "sources")) {
        ActorSpec a = actor(n, ActorSpec.Kind.SOURCE);
        if (a != null) state.source(a);
      }
      for (Node n : items(fields.get("destinations"), "destinations")) {
        ActorSpec a = actor(n, ActorSpec.Kind.DESTINATION);
        if (a != null) state.destination(a);
      }
      for (Node n : items(fields.get("connections"), "connections")) {
        ConnectionSpec c = connection(n);
        if (c != null) state.connection(c);
      }
      if (problems.size() > before) return null;
      return state.build();
    }

    private WorkspaceNotifications notifications(MappingNode node) {
      WorkspaceNotifications.Builder b = WorkspaceNotifications.builder();
      for (NodeTuple t : node.getValue()) {
        String name = string(t.getKeyNode(), "notifications");
        WorkspaceNotifications.Event event = name == null ? null : WorkspaceNotifications.Event.of(name);
        if (event == null) {
          problem(t.getKeyNode(), "notifications", "unknown event '" + name + "' (expected " + String.join(", ",
              java.util.Arrays.stream(WorkspaceNotifications.Event.values())
                  .map(WorkspaceNotifications.Event::wireName).toList()) + ")");
          continue;
        }
        if (!(t.getValueNode() instanceof MappingNode m)) {
          problem(t.getValueNode(), "notifications." + name, "must be a mapping with email, webhook and webhookUrl");
          continue;
        }
        String where = "notifications." + name;
        Map<String, Node> f = fields(m, NOTIFICATION, "a notification");
        Boolean email = bool(f.get("email"), where + ".email");
        if (email != null) b.email(event, email);
        String url = string(f.get("webhookUrl"), where + ".webhookUrl");
        if (url != null) b.webhook(event, url);
        Boolean webhook = bool(f.get("webhook"), where + ".webhook");
        if (webhook != null) b.webhookEnabled(event, webhook);
      }
      return b.build();
    }

    private Boolean bool(Node node, String where) {
      if (node == null || isNull(node)) return null;
      if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
        return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
      }
      problem(node, where, "must be true or false");
      return null;
    }

    private ActorSpec actor(Node node, ActorSpec.Kind kind) {
      if (!(node instanceof MappingNode m)) {
        problem(node, kind.label() + "s", "each " + kind.label() + " is a mapping with name, connector and "
            + "configuration");
        return null;
      }
      Map<String, Node> f = fields(m, ACTOR, "a " + kind.label());
      String name = required(f, "name", m, "a " + kind.label());
      if (name == null) return null;
      String where = kind.label() + " \"" + name + "\"";
      Origin origin = new Origin(file, line(m));
      ActorSpec.Builder b = kind == ActorSpec.Kind.SOURCE ? ActorSpec.source(name) : ActorSpec.destination(name);
      b.origin(origin).connector(string(f.get("connector"), where + " connector"))
          .definitionId(uuid(f.get("definitionId"), where + " definitionId"));
      f.forEach((k, v) -> origin.field(k, line(v)));
      Node configuration = f.get("configuration");
      if (configuration == null || isNull(configuration)) {
        b.configuration(Map.of());
      } else if (configuration instanceof MappingNode cm) {
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) value(cm, "configuration", origin, where);
        b.configuration(value);
      } else {
        problem(configuration, where, "configuration must be a mapping");
      }
      return b.build();
    }

    private ConnectionSpec connection(Node node) {
      if (!(node instanceof MappingNode m)) {
        problem(node, "connections", "each connection is a mapping with name, source and destination");
        return null;
      }
      Map<String, Node> f = fields(m, CONNECTION, "a connection");
      String name = required(f, "name", m, "a connection");
      String where = "connection \"" + name + "\"";
      String source = required(f, "source", m, where);
      String destination = required(f, "destination", m, where);
      if (name == null || source == null || destination == null) return null;
      Origin origin = new Origin(file, line(m));
      f.forEach((k, v) -> origin.field(k, line(v)));
      ConnectionSpec.Builder b = ConnectionSpec.builder(name, source, destination).origin(origin);
      b.status(string(f.get("status"), where + " status"));
      b.namespaceDefinition(string(f.get("namespaceDefinition"), where + " namespaceDefinition"));
      b.namespaceFormat(string(f.get("namespaceFormat"), where + " namespaceFormat"));
      b.prefix(string(f.get("prefix"), where + " prefix"));
      b.nonBreakingSchemaUpdatesBehavior(string(f.get("nonBreakingSchemaUpdatesBehavior"), where));
      if (f.containsKey("tags") && !isNull(f.get("tags"))) b.tags(strings(f.get("tags"), where + " tags"));
      b.schedule(schedule(f.get("schedule"), where));
      Node streams = f.get("streams");
      if (streams != null && !isNull(streams)) {
        List<StreamSpec> list = new ArrayList<>();
        for (Node s : items(streams, where + " streams")) {
          StreamSpec spec = stream(s, where);
          if (spec != null) list.add(spec);
        }
        b.streams(list);
      }
      return b.build();
    }

    private Schedule schedule(Node node, String where) {
      if (node == null || isNull(node)) return null;
      if (node instanceof ScalarNode s && "manual".equals(s.getValue())) return Schedule.manual();
      if (node instanceof MappingNode m && m.getValue().size() == 1) {
        String kind = string(m.getValue().get(0).getKeyNode(), where + " schedule");
        String value = string(m.getValue().get(0).getValueNode(), where + " schedule");
        if ("cron".equals(kind) && value != null) return Schedule.cron(value);
        if ("basic".equals(kind) && value != null) return Schedule.basic(value);
        if ("manual".equals(kind)) return Schedule.manual();
      }
      problem(node, where + " schedule", "must be manual, {cron: \"0 0 6 * * ?\"} or {basic: \"Every 24 HOURS\"}");
      return null;
    }

    private StreamSpec stream(Node node, String where) {
      if (node instanceof ScalarNode) {
        String name = string(node, where + " streams");
        return name == null ? null : StreamSpec.builder(name).origin(new Origin(file, line(node))).build();
      }
      if (!(node instanceof MappingNode m)) {
        problem(node, where + " streams", "each stream is a name or a mapping with name, syncMode, cursorField and "
            + "primaryKey");
        return null;
      }
      Map<String, Node> f = fields(m, STREAM, "a stream");
      String name = required(f, "name", m, where + " stream");
      if (name == null) return null;
      String sw = where + " stream \"" + name + "\"";
      Origin origin = new Origin(file, line(m));
      f.forEach((k, v) -> origin.field(k, line(v)));
      StreamSpec.Builder b = StreamSpec.builder(name).origin(origin)
          .namespace(string(f.get("namespace"), sw + " namespace"))
          .syncMode(string(f.get("syncMode"), sw + " syncMode"));
      Node cursor = f.get("cursorField");
      if (cursor instanceof ScalarNode && !isNull(cursor)) {
        b.cursorField(List.of(string(cursor, sw + " cursorField")));
      } else if (cursor != null && !isNull(cursor)) {
        b.cursorField(strings(cursor, sw + " cursorField"));
      }
      Node key = f.get("primaryKey");
      if (key != null && !isNull(key)) b.primaryKey(paths(key, sw + " primaryKey"));
      Node selected = f.get("selectedFields");
      if (selected != null && !isNull(selected)) b.selectedFields(paths(selected, sw + " selectedFields"));
      Node mappers = f.get("mappers");
      if (mappers != null && !isNull(mappers)) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Node mapper : items(mappers, sw + " mappers")) {
          if (mapper instanceof MappingNode) {
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) value(mapper, "mappers", origin, sw);
            list.add(value);
          } else {
            problem(mapper, sw + " mappers", "each mapper is a mapping with type and mapperConfiguration");
          }
        }
        b.mappers(list);
      }
      Node files = f.get("includeFiles");
      if (files != null && !isNull(files)) {
        Object v = value(files, "includeFiles", origin, sw);
        if (v instanceof Boolean bool) b.includeFiles(bool);
        else problem(files, sw + " includeFiles", "must be true or false");
      }
      b.destinationObjectName(string(f.get("destinationObjectName"), sw + " destinationObjectName"));
      return b.build();
    }

    // ---- node helpers

    /** Field paths: {@code id}, {@code [id, name]} (top-level fields) or {@code [[address, city], [id]]}. */
    private List<List<String>> paths(Node node, String where) {
      List<List<String>> paths = new ArrayList<>();
      if (node instanceof ScalarNode) {
        paths.add(List.of(String.valueOf(string(node, where))));
        return paths;
      }
      for (Node part : items(node, where)) {
        if (part instanceof SequenceNode) paths.add(strings(part, where));
        else paths.add(List.of(String.valueOf(string(part, where))));
      }
      return paths;
    }

    private Map<String, Node> fields(MappingNode m, Set<String> allowed, String what) {
      Map<String, Node> out = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
        if (key == null || !allowed.contains(key)) {
          problem(t.getKeyNode(), null, "unknown field " + (key == null ? "" : "'" + key + "' ") + "in " + what
              + " (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        } else if (out.containsKey(key)) {
          problem(t.getKeyNode(), null, "'" + key + "' is given twice in " + what);
        } else {
          out.put(key, t.getValueNode());
        }
      }
      return out;
    }

    private String required(Map<String, Node> f, String key, Node parent, String what) {
      Node n = f.get(key);
      if (n == null || isNull(n)) {
        problem(parent, what, "'" + key + "' is required");
        return null;
      }
      return string(n, what + " " + key);
    }

    private static boolean isNull(Node node) {
      return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private String string(Node node, String where) {
      if (node == null || isNull(node)) return null;
      if (node instanceof ScalarNode s) return s.getValue();
      problem(node, where, "must be a string");
      return null;
    }

    private List<String> strings(Node node, String where) {
      List<String> out = new ArrayList<>();
      for (Node n : items(node, where)) {
        String s = string(n, where);
        if (s != null) out.add(s);
      }
      return out;
    }

    private List<Node> items(Node node, String where) {
      if (node == null || isNull(node)) return List.of();
      if (node instanceof SequenceNode s) return s.getValue();
      problem(node, where, "must be a list");
      return List.of();
    }

    private UUID uuid(Node node, String where) {
      String s = string(node, where);
      if (s == null) return null;
      try {
        if (s.length() == 36) return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        // reported below
      }
      problem(node, where, "'" + s + "' is not a UUID");
      return null;
    }

    /** A JSON value; every field's line is recorded in {@code origin} under its dotted path. */
    private Object value(Node node, String path, Origin origin, String where) {
      origin.field(path, line(node));
      if (node instanceof MappingNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
          String key = string(t.getKeyNode(), where + " " + path);
          if (key == null) continue;
          if (out.containsKey(key)) problem(t.getKeyNode(), where, "'" + path + "." + key + "' is given twice");
          out.put(key, value(t.getValueNode(), path + "." + key, origin, where));
        }
        return out;
      }
      if (node instanceof SequenceNode s) {
        List<Object> out = new ArrayList<>();
        for (Node item : s.getValue()) out.add(value(item, path, origin, where));
        return out;
      }
      ScalarNode s = (ScalarNode) node;
      Tag tag = s.getTag();
      String v = s.getValue();
      if (tag.equals(Tag.NULL)) return null;
      if (tag.equals(Tag.BOOL)) return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
      if (tag.equals(Tag.INT)) {
        BigInteger i = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
        return i.bitLength() < 64 ? (Object) i.longValue() : new BigDecimal(i);
      }
      if (tag.equals(Tag.FLOAT)) return Values.number(new BigDecimal(v.startsWith("+") ? v.substring(1) : v));
      if (tag.equals(Tag.STR)) return v;
      problem(node, where + " " + path, "the YAML tag " + tag + " is not a JSON value");
      return null;
    }
  }
}
