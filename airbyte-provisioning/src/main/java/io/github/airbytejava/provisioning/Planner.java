package io.github.airbytejava.provisioning;

import io.github.airbytejava.ConflictException;
import io.github.airbytejava.provisioning.ResourceChange.Action;
import io.github.airbytejava.provisioning.ResourceChange.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import io.github.airbytejava.SecretFields;

/**
 * Compares desired states with live workspaces. Reads only lists (one request per page), plus the source's streams
 * for connections whose streams are written; collects every problem and throws them together before returning a
 * plan, so nothing is written from a state with a problem.
 */
final class Planner {
  static final String DEFAULT_TAG_COLOR = "1F77B4";
  /** Airbyte's limits on tags (its TagHandler): names of at most 30 characters, colors of six hex digits. */
  private static final int TAG_NAME_LIMIT = 30;
  private static final Pattern TAG_COLOR = Pattern.compile("[0-9A-Fa-f]{6}");
  /** Values of the API's enums that a request may set (the spec's ConnectionSyncModeEnum and others). */
  static final Set<String> SYNC_MODES = wire(SyncMode.values(), SyncMode::wireValue);
  static final Set<String> STATUSES = wire(ConnectionStatus.values(), ConnectionStatus::wireValue);
  static final Set<String> NAMESPACE_DEFINITIONS = wire(NamespaceDefinition.values(), NamespaceDefinition::wireValue);
  static final Set<String> NON_BREAKING = wire(SchemaChangeBehavior.values(), SchemaChangeBehavior::wireValue);

  private static <E> Set<String> wire(E[] values, java.util.function.Function<E, String> wireValue) {
    return java.util.Arrays.stream(values).map(wireValue).collect(Collectors.toUnmodifiableSet());
  }

  private final Live.Api api;
  private final ConnectorFacts facts;
  private final SecretResolver secrets;
  private final Set<String> changedSecrets;
  private final int concurrency;
  private final List<ResourceChange> workspaceChanges = new ArrayList<>();

  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  /** Per reference name, the secret fields that use it ({@code source "a" configuration.password}). */
  private final Map<String, Set<String>> referenceUses = new LinkedHashMap<>();
  private final List<ResourceChange> tagChanges = new ArrayList<>();
  private final List<ResourceChange> actorChanges = new ArrayList<>();
  private final List<ResourceChange> connectionChanges = new ArrayList<>();
  private final List<ResourceChange> connectionDeletes = new ArrayList<>();
  private final List<ResourceChange> actorDeletes = new ArrayList<>();
  private final Map<UUID, String> workspaceNames = new LinkedHashMap<>();
  private final Map<UUID, List<Live.Tag>> workspaceTags = new HashMap<>();
  private final Map<String, List<Live.StreamInfo>> streamCache = new HashMap<>();
  private List<Live.Workspace> liveWorkspaces;

  Planner(Live.Api api, ConnectorFacts facts, SecretResolver secrets, Set<String> changedSecrets, int concurrency) {
    this.api = api;
    this.facts = facts;
    this.secrets = secrets;
    this.changedSecrets = Set.copyOf(changedSecrets);
    this.concurrency = concurrency;
  }

  /** The tasks' results in order: on this thread when there is one task or one thread, else on a pool of threads. */
  private List<Planner> run(List<Callable<Planner>> tasks) {
    List<Planner> out = new ArrayList<>();
    if (tasks.size() <= 1 || concurrency <= 1) {
      for (Callable<Planner> task : tasks) {
        try {
          out.add(task.call());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, tasks.size()), r -> {
      Thread t = new Thread(r, "airbyte-plan");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Planner>> futures = new ArrayList<>();
      for (Callable<Planner> task : tasks) futures.add(pool.submit(task));
      for (Future<Planner> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          futures.forEach(other -> other.cancel(true));
          if (e.getCause() instanceof RuntimeException r) throw r;
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while planning", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Adds one workspace's plan, problems and warnings to this one's. */
  private void merge(Planner part) {
    problems.addAll(part.problems);
    warnings.addAll(part.warnings);
    part.referenceUses.forEach((name, uses) -> {
      if (uses.size() > 1) {
        warnings.add(new Problem(null, 0, "secret ${" + name + "}", "one reference is used by " + uses.size()
            + " secret fields (" + String.join(", ", uses) + "); rotating it changes them all"));
      }
    });
    workspaceChanges.addAll(part.workspaceChanges);
    tagChanges.addAll(part.tagChanges);
    actorChanges.addAll(part.actorChanges);
    connectionChanges.addAll(part.connectionChanges);
    connectionDeletes.addAll(part.connectionDeletes);
    actorDeletes.addAll(part.actorDeletes);
    workspaceTags.putAll(part.workspaceTags);
  }

  /**
   * Checks every state, finds its workspace (one list of workspaces), then plans the workspaces side by side, at
   * most {@code concurrency} at a time (each makes one request at a time), and merges their plans in input order.
   */
  Plan plan(List<WorkspaceState> states) {
    for (WorkspaceState state : states) check(state);
    Set<UUID> planned = new HashSet<>();
    List<Callable<Planner>> tasks = new ArrayList<>();
    for (WorkspaceState state : states) {
      Target target = workspace(state);
      if (target == null) continue;
      if (!planned.add(target.id())) {
        problems.add(state.origin.problem(state.describe(), null,
            "this workspace has another desired state too; put all of a workspace in one document"));
        continue;
      }
      tasks.add(() -> {
        Planner part = new Planner(api, facts, secrets, changedSecrets, 1);
        part.planWorkspace(state, target);
        return part;
      });
    }
    for (Planner part : run(tasks)) merge(part);
    if (!problems.isEmpty()) throw new ProvisioningException(problems);
    List<ResourceChange> all = new ArrayList<>(workspaceChanges);
    all.addAll(tagChanges);
    all.addAll(actorChanges);
    all.addAll(connectionChanges);
    all.addAll(connectionDeletes);
    all.addAll(actorDeletes);
    return new Plan(all, workspaceNames, workspaceTags, warnings);
  }

  // ------------------------------------------------------------------------------ checks without the server

  private void check(WorkspaceState state) {
    Set<String> sources = names(state.sources().stream().map(s -> new Named(s.name(), s.origin, s.describe())).toList());
    Set<String> destinations =
        names(state.destinations().stream().map(d -> new Named(d.name(), d.origin, d.describe())).toList());
    names(state.connections().stream().map(c -> new Named(c.name(), c.origin, c.describe())).toList());
    for (ActorSpec a : concat(state.sources(), state.destinations())) {
      if (a.connector() == null && a.definitionId() == null) {
        problems.add(a.origin.problem(a.describe(), null, "give its connector (a slug such as postgres) or definitionId"));
      }
    }
    for (ConnectionSpec c : state.connections()) {
      String where = c.describe();
      if (!sources.contains(c.source())) {
        problems.add(c.origin.problem(where, "source", "no source named \"" + c.source() + "\" is declared"
            + known(sources)));
      }
      if (!destinations.contains(c.destination())) {
        problems.add(c.origin.problem(where, "destination", "no destination named \"" + c.destination()
            + "\" is declared" + known(destinations)));
      }
      if (c.schedule() != null && c.schedule().kind() == Schedule.Kind.CRON) {
        String p = CronExpressions.problem(c.schedule().value());
        if (p != null) problems.add(c.origin.problem(where, "schedule", p));
      }
      oneOf(c.origin, where, "status", c.status(), STATUSES);
      oneOf(c.origin, where, "namespaceDefinition", c.namespaceDefinition(), NAMESPACE_DEFINITIONS);
      if ("custom_format".equals(c.namespaceDefinition()) && c.namespaceFormat() == null) {
        problems.add(c.origin.problem(where, "namespaceDefinition", "custom_format needs a namespaceFormat"));
      }
      oneOf(c.origin, where, "nonBreakingSchemaUpdatesBehavior", c.nonBreakingSchemaUpdatesBehavior(), NON_BREAKING);
      if (c.tags() != null) {
        for (String tag : c.tags()) {
          if (tag == null || tag.isBlank()) {
            problems.add(c.origin.problem(where, "tags", "a tag name is blank"));
          } else if (tag.length() > TAG_NAME_LIMIT) {
            problems.add(c.origin.problem(where, "tags", "tag \"" + tag + "\" is longer than Airbyte's "
                + TAG_NAME_LIMIT + " characters"));
          }
        }
      }
      if (c.streams() != null && c.streams().isEmpty()) {
        problems.add(c.origin.problem(where, "streams", "the list of streams is empty, and a connection syncs at"
            + " least one: list the streams to sync, or leave streams out to leave the selection to the server"));
      }
      if (c.streams() != null) {
        Set<String> seen = new HashSet<>();
        for (StreamSpec s : c.streams()) {
          String sw = where + " stream \"" + s.key() + "\"";
          if (!seen.add(s.key())) problems.add(s.origin.problem(sw, "name", "the stream is listed twice"));
          oneOf(s.origin, sw, "syncMode", s.syncMode(), SYNC_MODES);
        }
      }
    }
    state.tagColors().forEach((tag, color) -> {
      if (!TAG_COLOR.matcher(color).matches()) {
        problems.add(state.origin.problem(state.describe(), "tags", "the color of tag \"" + tag + "\" must be six "
            + "hexadecimal digits without '#' (1F77B4), not '" + color + "'"));
      }
    });
    for (String glob : state.deleteUnlisted()) {
      if (glob.isBlank()) problems.add(state.origin.problem(state.describe(), "deleteUnlisted", "a name glob is blank"));
    }
  }

  private record Named(String name, Origin origin, String describe) {}

  /** The names, with a problem for each blank or repeated one. */
  private Set<String> names(List<Named> items) {
    Map<String, Named> first = new HashMap<>();
    for (Named n : items) {
      if (n.name().isBlank()) {
        problems.add(n.origin().problem(n.describe(), "name", "the name is blank"));
      } else if (first.containsKey(n.name())) {
        Named earlier = first.get(n.name());
        problems.add(n.origin().problem(n.describe(), "name", "the name is used twice (also at "
            + (earlier.origin().file == null ? "an earlier entry" : earlier.origin().file + ":" + earlier.origin().line)
            + "); names identify resources"));
      } else {
        first.put(n.name(), n);
      }
    }
    return first.keySet();
  }

  private void oneOf(Origin origin, String where, String field, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      problems.add(origin.problem(where, field, "'" + value + "' is not one of " + String.join(", ",
          allowed.stream().sorted().toList())));
    }
  }

  private static String known(Set<String> names) {
    return names.isEmpty() ? "" : " (declared: " + String.join(", ", names.stream().sorted().toList()) + ")";
  }

  // ---------------------------------------------------------------------------------------- the workspace

  /** A workspace to plan: live, or ({@code live} null) one the plan creates, known by a placeholder id. */
  private record Target(UUID id, Live.Workspace live) {}

  private Target workspace(WorkspaceState state) {
    if (liveWorkspaces == null) liveWorkspaces = api.workspaces();
    List<Live.Workspace> matches = liveWorkspaces.stream().filter(w -> state.workspaceId() != null
        ? w.id().equals(state.workspaceId()) : Objects.equals(w.name(), state.workspaceName())).toList();
    if (matches.isEmpty() && state.workspaceId() == null && state.organizationId() != null) {
      // Until it exists, a placeholder id stands for it; apply swaps in the real one.
      UUID placeholder = UUID.nameUUIDFromBytes(("new workspace " + state.organizationId() + "/"
          + state.workspaceName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      workspaceNames.put(placeholder, state.workspaceName());
      return new Target(placeholder, null);
    }
    if (matches.isEmpty()) {
      problems.add(state.origin.problem(state.describe(), "workspace", "no such workspace is visible to these "
          + "credentials"));
      return null;
    }
    if (matches.size() > 1) {
      problems.add(state.origin.problem(state.describe(), "workspace", "two workspaces have this name ("
          + matches.get(0).id() + ", " + matches.get(1).id() + "); give workspaceId"));
      return null;
    }
    Live.Workspace w = matches.get(0);
    if (state.workspaceId() != null && state.workspaceName() != null && !state.workspaceName().equals(w.name())) {
      problems.add(state.origin.problem(state.describe(), "workspace", "the workspace is named \"" + w.name()
          + "\", not \"" + state.workspaceName() + "\""));
      return null;
    }
    workspaceNames.put(w.id(), w.name());
    return new Target(w.id(), w);
  }

  private void planWorkspace(WorkspaceState state, Target target) {
    UUID ws = target.id();
    boolean isNew = target.live() == null;
    planWorkspaceItself(state, target);
    Map<String, List<Live.Actor>> liveSources = isNew ? Map.of()
        : byName(api.actors(ActorSpec.Kind.SOURCE, ws), Live.Actor::name);
    Map<String, List<Live.Actor>> liveDestinations = isNew ? Map.of()
        : byName(api.actors(ActorSpec.Kind.DESTINATION, ws), Live.Actor::name);
    List<Live.Connection> allConnections = isNew ? List.of() : api.connections(ws);
    Map<String, List<Live.Connection>> liveConnections = byName(allConnections, Live.Connection::name);
    // Tags are listed only when a name must become an id or an id a name.
    boolean needTags = state.connections().stream().anyMatch(c -> c.tags() != null && !c.tags().isEmpty())
        || allConnections.stream().anyMatch(c -> !c.tagIds().isEmpty());
    List<Live.Tag> tags = needTags && !isNew ? api.tags(ws) : List.of();
    workspaceTags.put(ws, tags);

    Map<String, UUID> sourceIds = new HashMap<>();
    Map<String, UUID> destinationIds = new HashMap<>();
    Definitions definitions = new Definitions(ws, isNew);
    for (ActorSpec s : state.sources()) planActor(ws, s, liveSources, sourceIds, definitions);
    for (ActorSpec d : state.destinations()) planActor(ws, d, liveDestinations, destinationIds, definitions);

    Map<String, Live.Tag> tagsByName = new HashMap<>();
    for (Live.Tag t : tags) tagsByName.putIfAbsent(t.name(), t);
    Set<String> tagsToCreate = new LinkedHashSet<>();
    for (ConnectionSpec c : state.connections()) {
      if (c.tags() != null) {
        for (String t : c.tags()) if (t != null && !t.isBlank() && !tagsByName.containsKey(t)) tagsToCreate.add(t);
      }
    }
    for (String t : tagsToCreate) {
      String color = state.tagColors().getOrDefault(t, DEFAULT_TAG_COLOR);
      tagChanges.add(new ResourceChange(Type.TAG, t, Action.CREATE, ws, null,
          List.of(new FieldChange("color", null, Values.render(color))), null,
          context -> context.tag(ws, createOrAdoptTag(context.api, context.ws(ws), t, color))));
    }
    Map<UUID, String> tagNames = tags.stream().collect(Collectors.toMap(Live.Tag::id, Live.Tag::name, (a, b) -> a));
    for (ConnectionSpec c : state.connections()) {
      planConnection(ws, c, liveConnections, sourceIds, destinationIds, tagNames);
    }
    planDeletes(state, ws, liveSources, liveDestinations, liveConnections);
  }

  // ------------------------------------------------------------------------------- the workspace itself

  /** Creates a workspace the state names in an organization, and plans its notifications. */
  private void planWorkspaceItself(WorkspaceState state, Target target) {
    UUID ws = target.id();
    String where = state.describe();
    List<FieldChange> fields = new ArrayList<>();
    Map<String, Object> live = target.live() == null ? Map.of() : target.live().notifications();
    Map<String, Object> notifications = state.notifications() == null ? null
        : notifications(state, state.notifications(), live, fields);
    if (notifications != null) requireSecretsOf(state, where, notifications);
    if (target.live() == null) {
      fields.add(0, new FieldChange("organizationId", null, state.organizationId().toString()));
      String name = state.workspaceName();
      UUID organization = state.organizationId();
      workspaceChanges.add(new ResourceChange(Type.WORKSPACE, name, Action.CREATE, ws, null, fields, null,
          context -> {
            Map<String, Object> resolved = notifications == null ? null : context.resolve(notifications);
            context.refuseIfWorkspaceAppeared(name);
            context.workspaceCreated(ws, name, context.api.createWorkspace(name, organization, resolved));
          }));
      return;
    }
    if (fields.isEmpty()) {
      if (state.notifications() != null) {
        workspaceChanges.add(new ResourceChange(Type.WORKSPACE, target.live().name(), Action.UNCHANGED, ws, ws,
            List.of(), null, null));
      }
      return;
    }
    Live.Workspace seen = target.live();
    workspaceChanges.add(new ResourceChange(Type.WORKSPACE, seen.name(), Action.UPDATE, ws, ws, fields, null,
        context -> {
          Map<String, Object> resolved = context.resolve(notifications);
          context.confirmUnchanged(seen);
          context.api.updateNotifications(ws, resolved);
        }));
  }

  /**
   * The notifications to send: for each managed event that differs (every managed event of a new workspace), its
   * whole setting, the desired parts over the live ones. A webhook URL is a secret: compared by its resolved value
   * where the live one is readable, never printed.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> notifications(WorkspaceState state, WorkspaceNotifications desired,
      Map<String, Object> live, List<FieldChange> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    desired.events().forEach((event, d) -> {
      Map<String, Object> liveEvent = live.get(event.wireName()) instanceof Map<?, ?> m ? (Map<String, Object>) m
          : Map.of();
      Map<String, Object> liveEmail = liveEvent.get("email") instanceof Map<?, ?> m ? (Map<String, Object>) m
          : Map.of();
      Map<String, Object> liveWebhook = liveEvent.get("webhook") instanceof Map<?, ?> m ? (Map<String, Object>) m
          : Map.of();
      boolean email = Boolean.TRUE.equals(liveEmail.get("enabled"));
      boolean webhook = Boolean.TRUE.equals(liveWebhook.get("enabled"));
      Object liveUrl = liveWebhook.get("url");
      String path = "notifications." + event.wireName();
      int before = fields.size();
      if (d.email() != null && d.email() != email) {
        fields.add(new FieldChange(path + ".email", String.valueOf(email), d.email().toString()));
      }
      if (d.webhookEnabled() != null && d.webhookEnabled() != webhook) {
        fields.add(new FieldChange(path + ".webhook", String.valueOf(webhook), d.webhookEnabled().toString()));
      }
      if (d.webhookUrl() != null && urlChanged(d.webhookUrl(), liveUrl)) {
        fields.add(new FieldChange(path + ".webhookUrl", liveUrl == null ? null : "(secret)",
            d.webhookUrl() instanceof Secret s ? "(secret " + s.template() + ")" : "(secret)"));
      }
      if (fields.size() == before) return;
      Map<String, Object> hook = new LinkedHashMap<>();
      hook.put("enabled", d.webhookEnabled() != null ? d.webhookEnabled() : webhook);
      Object url = d.webhookUrl() != null ? d.webhookUrl() : Values.MASK.equals(liveUrl) ? null : liveUrl;
      if (url != null) hook.put("url", url);
      out.put(event.wireName(), Map.of("email", Map.of("enabled", d.email() != null ? d.email() : email),
          "webhook", hook));
    });
    return out;
  }

  private boolean urlChanged(Object desired, Object live) {
    if (live == null) return true;
    if (changed(desired)) return true;
    if (Values.MASK.equals(live)) return false; // cannot be compared; the caller names the secret when it changed
    String value = desired instanceof Secret s ? s.resolve(secrets) : (String) desired;
    return value != null && !value.equals(live);
  }

  private void requireSecretsOf(WorkspaceState state, String where, Object value) {
    Values.map(value, secret -> {
      if (secret.resolve(secrets) == null) {
        problems.add(state.origin.problem(where, "notifications", "secret " + secret.template() + " has no value "
            + "(needed to send the webhook URL); set " + String.join(", ", secret.names())
            + " (an empty value counts as unset)"));
      }
      return null;
    });
  }

  private static <T> Map<String, List<T>> byName(List<T> items, java.util.function.Function<T, String> name) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    for (T t : items) out.computeIfAbsent(name.apply(t), k -> new ArrayList<>(1)).add(t);
    return out;
  }

  /** The one live resource of a name, null when none; a problem naming both ids when two. */
  private <T> T single(Map<String, List<T>> live, String name, Origin origin, String where,
      java.util.function.Function<T, UUID> id) {
    List<T> found = live.get(name);
    if (found == null) return null;
    if (found.size() > 1) {
      problems.add(origin.problem(where, "name", "the workspace has " + found.size() + " of this name ("
          + found.stream().map(id).map(UUID::toString).collect(Collectors.joining(", "))
          + "); rename or delete all but one (two applies of this workspace at the same time make such twins:"
          + " delete the newer ones, then plan again, and run one apply per workspace at a time)"));
      return null;
    }
    return found.get(0);
  }

  // ------------------------------------------------------------------------------ sources and destinations

  /** The workspace's connector definitions, listed once and only when a slug is not otherwise known. */
  private final class Definitions {
    private final UUID ws;
    private final boolean isNew;
    private final Map<ActorSpec.Kind, List<Live.Definition>> byKind = new HashMap<>();

    Definitions(UUID ws, boolean isNew) {
      this.ws = ws;
      this.isNew = isNew;
    }

    /** None for a workspace not created yet: only the slugs of airbyte-connectors are known there. */
    List<Live.Definition> of(ActorSpec.Kind kind) {
      return isNew ? List.of() : byKind.computeIfAbsent(kind, k -> api.definitions(k, ws));
    }
  }

  private UUID definitionId(ActorSpec a, Definitions definitions) {
    if (a.connector() == null) return a.definitionId();
    UUID id = facts.definitionId(a.kind(), a.connector());
    if (id == null) {
      for (Live.Definition d : definitions.of(a.kind())) {
        if (d.slug().equals(a.connector()) || d.id().toString().equalsIgnoreCase(a.connector())) id = d.id();
      }
    }
    if (id == null) {
      problems.add(a.origin.problem(a.describe(), "connector", "unknown " + a.kind().label() + " connector '"
          + a.connector() + "'"));
      return null;
    }
    if (a.definitionId() != null && !a.definitionId().equals(id)) {
      problems.add(a.origin.problem(a.describe(), "definitionId", "connector '" + a.connector()
          + "' has definition id " + id + ", not " + a.definitionId()));
      return null;
    }
    return id;
  }

  private void planActor(UUID ws, ActorSpec a, Map<String, List<Live.Actor>> liveByName, Map<String, UUID> ids,
      Definitions definitions) {
    if (a.name().isBlank() || ids.containsKey(a.name())) return; // reported by check()
    UUID definitionId = a.connector() == null && a.definitionId() == null ? null : definitionId(a, definitions);
    Type type = a.kind() == ActorSpec.Kind.SOURCE ? Type.SOURCE : Type.DESTINATION;
    Live.Actor live = single(liveByName, a.name(), a.origin, a.describe(), Live.Actor::id);
    ids.put(a.name(), live == null ? null : live.id());
    if (definitionId == null) return;
    for (String p : validate(a, definitionId)) {
      int colon = p.indexOf(':');
      String path = colon > 0 ? "configuration." + p.substring(0, colon).trim() : "configuration";
      problems.add(a.origin.problem(a.describe(), path, p));
    }
    if (live == null) {
      if (liveByName.containsKey(a.name())) return; // duplicates, reported
      List<FieldChange> fields = new ArrayList<>();
      fields.add(new FieldChange("connector", null, Values.render(a.connector() != null ? a.connector()
          : definitionId.toString())));
      flatten(List.of(), a.configuration(), fields, a, definitionId);
      requireSecrets(a, a.configuration(), "create");
      Map<String, Object> configuration = a.configuration();
      actorChanges.add(new ResourceChange(type, a.name(), Action.CREATE, ws, null, fields, null, context -> {
        Map<String, Object> resolved = context.resolve(configuration);
        context.refuseIfAppeared(ws, a.kind(), a.name());
        UUID created = context.api.createActor(a.kind(), context.ws(ws), a.name(), definitionId, resolved);
        context.id(ws, a.kind(), a.name(), context.settle(ws, a.kind(), a.name(), created));
      }));
      return;
    }
    if (!definitionId.equals(live.definitionId())) {
      problems.add(a.origin.problem(a.describe(), "connector", "the live " + a.kind().label() + " (" + live.id()
          + ") uses definition " + live.definitionId() + ", not " + definitionId
          + "; a connector cannot be changed: rename this one or delete the live one"));
      return;
    }
    ConfigDiff diff = new ConfigDiff(a, definitionId);
    Map<String, Object> liveConfiguration = new LinkedHashMap<>(live.configuration());
    liveConfiguration.remove(a.kind().typeKey()); // the server may echo it; the connector is compared by id
    diff.diff(List.of(), a.configuration(), true, liveConfiguration, true);
    if (diff.fields.isEmpty()) {
      actorChanges.add(new ResourceChange(type, a.name(), Action.UNCHANGED, ws, live.id(), List.of(), null, null));
      return;
    }
    UUID id = live.id();
    if (diff.removes) {
      requireSecrets(a, a.configuration(), "replace (PUT) the configuration of");
      Map<String, Object> configuration = a.configuration();
      actorChanges.add(new ResourceChange(type, a.name(), Action.UPDATE, ws, id, diff.fields,
          "PUT: the configuration is replaced, as a field is removed",
          context -> {
            Map<String, Object> resolved = context.resolve(configuration);
            context.confirmUnchanged(live);
            context.api.putActor(a.kind(), id, a.name(), resolved);
          }));
    } else {
      requireSecrets(a, diff.patch, "update");
      Map<String, Object> patch = diff.patch;
      actorChanges.add(new ResourceChange(type, a.name(), Action.UPDATE, ws, id, diff.fields, null,
          context -> {
            Map<String, Object> resolved = context.resolve(patch);
            context.confirmUnchanged(live);
            context.api.patchActor(a.kind(), id, resolved);
          }));
    }
  }

  /** A string check ({@code must match ...}, a length) of a value unknown until sent. */
  private static final Pattern STRING_CHECK =
      Pattern.compile("must match .*|must be at (least|most) \\d+ characters? long");

  /**
   * The schema's problems of a configuration, each secret checked as the value the resolver gives now (what would
   * be sent); a secret without a value yet is a placeholder whose pattern and length are not checked: the
   * placeholder's text is not the secret. Also notes which fields use each reference.
   */
  private List<String> validate(ActorSpec a, UUID definitionId) {
    Set<String> unknown = new HashSet<>();
    Object plain = resolvedForChecks(a, List.of(), "", a.configuration(), unknown);
    @SuppressWarnings("unchecked")
    Map<String, Object> configuration = (Map<String, Object>) plain;
    return facts.validate(a.kind(), definitionId, configuration).stream().filter(p -> {
      int colon = p.indexOf(':');
      return colon < 0 || !unknown.contains(p.substring(0, colon).trim())
          || !STRING_CHECK.matcher(p.substring(colon + 1).trim()).matches();
    }).toList();
  }

  /** The value with its secrets resolved, or a placeholder (its validator path added to {@code unknown}). */
  private Object resolvedForChecks(ActorSpec a, List<String> path, String validatorPath, Object value,
      Set<String> unknown) {
    if (value instanceof Secret secret) {
      for (String name : secret.names()) {
        referenceUses.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(a.describe() + " " + dotted(path));
      }
      String resolved = secret.resolve(secrets);
      if (resolved != null) return resolved;
      unknown.add(validatorPath);
      return SECRET_PLACEHOLDER;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, resolvedForChecks(a, child(path, (String) k),
          validatorPath.isEmpty() ? (String) k : validatorPath + "." + k, v, unknown)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        out.add(resolvedForChecks(a, path, validatorPath + "[" + i + "]", l.get(i), unknown));
      }
      return out;
    }
    return value;
  }

  private static final String SECRET_PLACEHOLDER = "secret";

  /**
   * A problem for each secret of {@code value}, which is to be sent, that the resolver cannot give, and for each
   * value that is the mask Airbyte answers instead of a secret (copied from a response): sent, it would become
   * the secret.
   */
  private void requireSecrets(ActorSpec a, Object value, String why) {
    Values.map(value, secret -> {
      if (secret.resolve(secrets) == null) {
        problems.add(a.origin.problem(a.describe(), "configuration", "secret " + secret.template()
            + " has no value (needed to " + why + " it); set " + String.join(", ", secret.names())
            + " (an empty value counts as unset)"));
      }
      return null;
    });
    refuseMasks(a, List.of(), value, why);
  }

  private void refuseMasks(ActorSpec a, List<String> path, Object value, String why) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> refuseMasks(a, child(path, (String) k), v, why));
    } else if (value instanceof List<?> l) {
      l.forEach(v -> refuseMasks(a, path, v, why));
    } else if (Values.MASK.equals(value)) {
      problems.add(a.origin.problem(a.describe(), dotted(path), dotted(path) + ": holds the mask Airbyte answers"
          + " instead of a secret (" + Values.MASK + "), which would become the secret if sent to " + why + " it:"
          + " give a ${NAME} reference"));
    }
  }

  private void flatten(List<String> path, Object value, List<FieldChange> out, ActorSpec a, UUID definitionId) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      m.forEach((k, v) -> flatten(child(path, (String) k), v, out, a, definitionId));
    } else {
      out.add(new FieldChange(dotted(path), null, show(a, definitionId, path, value,
          isSecret(a, definitionId, path, value, null))));
    }
  }

  private static List<String> child(List<String> path, String key) {
    List<String> child = new ArrayList<>(path.size() + 1);
    child.addAll(path);
    child.add(key);
    return child;
  }

  /** {@code configuration.ssl_mode.mode}: how a configuration field is named in a plan. */
  private static String dotted(List<String> path) {
    return path.isEmpty() ? "configuration" : "configuration." + String.join(".", path);
  }

  /** A reference to a secret the caller says has a new value. */
  private boolean changed(Object desired) {
    return desired instanceof Secret s && s.names().stream().anyMatch(changedSecrets::contains);
  }

  /**
   * Secret: a reference, a value the server masks, a field the connector's schema marks secret, or, where no schema
   * describes the field (a custom connector), a key that looks secret by the rule of the client's logs.
   */
  private boolean isSecret(ActorSpec a, UUID definitionId, List<String> path, Object desired, Object live) {
    return desired instanceof Secret || Values.MASK.equals(live) || hidden(a, definitionId, path);
  }

  private boolean hidden(ActorSpec a, UUID definitionId, List<String> path) {
    return facts.isSecret(a.kind(), definitionId, path)
        || (!facts.describes(a.kind(), definitionId, path) && path.stream().anyMatch(SecretFields::looksSecret));
  }

  /**
   * The value as a plan prints it. A list is one field of the plan, but its items' fields may be secret (OneSignal's
   * applications carry an app_api_key each): those are hidden as the schema's paths name them, array indexes left out.
   */
  private String show(ActorSpec a, UUID definitionId, List<String> path, Object value, boolean secret) {
    if (!secret) return Values.render(Values.hidden(value, path, p -> hidden(a, definitionId, p)));
    return value instanceof Secret s ? "(secret " + s.template() + ")" : "(secret)";
  }

  /** A field-by-field comparison of a desired configuration with the live one. */
  private final class ConfigDiff {
    final ActorSpec actor;
    final UUID definitionId;
    final List<FieldChange> fields = new ArrayList<>();
    final Map<String, Object> patch = new LinkedHashMap<>();
    boolean removes;

    ConfigDiff(ActorSpec actor, UUID definitionId) {
      this.actor = actor;
      this.definitionId = definitionId;
    }

    void diff(List<String> path, Object desired, boolean hasDesired, Object live, boolean hasLive) {
      if (desired instanceof Map<?, ?> d && live instanceof Map<?, ?> l) {
        Set<String> keys = new LinkedHashSet<>();
        d.keySet().forEach(k -> keys.add((String) k));
        l.keySet().forEach(k -> keys.add((String) k));
        for (String k : keys) diff(child(path, k), d.get(k), d.containsKey(k), l.get(k), l.containsKey(k));
        return;
      }
      String dotted = dotted(path);
      boolean secret = isSecret(actor, definitionId, path, desired, live);
      if (hasDesired && !hasLive) {
        fields.add(new FieldChange(dotted, null, show(actor, definitionId, path, desired, secret)));
        put(path, desired);
      } else if (!hasDesired && hasLive) {
        Object byDefault = facts.defaultValue(actor.kind(), definitionId, path);
        if (byDefault != null && Values.same(byDefault, live)) return; // filled in by the server
        fields.add(new FieldChange(dotted, show(actor, definitionId, path, live, secret), null));
        removes = true;
      } else if (secret && Values.MASK.equals(live)) {
        if (changed(desired)) {
          fields.add(new FieldChange(dotted, "(secret)", show(actor, definitionId, path, desired, true)));
          put(path, desired);
        } else if (!(desired instanceof Secret) && !Values.MASK.equals(desired)) {
          uncomparable(dotted);
        }
      } else if (!matches(path, desired, live)) {
        fields.add(new FieldChange(dotted, show(actor, definitionId, path, live, secret),
            show(actor, definitionId, path, desired, secret)));
        put(path, desired);
      }
    }

    /**
     * Equal as JSON, and inside a list (which is sent whole) as the fields of a configuration are: a masked live
     * secret matches unless the caller says its reference changed, and a field only the live item has matches
     * when it holds the schema's default.
     */
    private boolean matches(List<String> path, Object desired, Object live) {
      if (desired instanceof Map<?, ?> d && live instanceof Map<?, ?> l) {
        for (Map.Entry<?, ?> e : d.entrySet()) {
          List<String> p = child(path, (String) e.getKey());
          if (!l.containsKey(e.getKey()) || !matches(p, e.getValue(), l.get(e.getKey()))) return false;
        }
        for (Map.Entry<?, ?> e : l.entrySet()) {
          if (d.containsKey(e.getKey())) continue;
          Object byDefault = facts.defaultValue(actor.kind(), definitionId, child(path, (String) e.getKey()));
          if (byDefault == null || !Values.same(byDefault, e.getValue())) return false;
        }
        return true;
      }
      if (desired instanceof List<?> d && live instanceof List<?> l) {
        if (d.size() != l.size()) return false;
        for (int i = 0; i < d.size(); i++) if (!matches(path, d.get(i), l.get(i))) return false;
        return true;
      }
      if (Values.MASK.equals(live)) {
        if (!(desired instanceof Secret) && !Values.MASK.equals(desired)) uncomparable(dotted(path));
        return !changed(desired);
      }
      return Values.same(desired, live);
    }

    private void uncomparable(String dotted) {
      warnings.add(actor.origin.problem(actor.describe(), dotted, dotted + ": a literal secret cannot be compared"
          + " with the masked live value, so a change to it is not seen and it is not sent; give it as a ${NAME}"
          + " reference, and name it in the changed secrets when it has a new value"));
    }

    @SuppressWarnings("unchecked")
    private void put(List<String> path, Object value) {
      Map<String, Object> map = patch;
      for (int i = 0; i < path.size() - 1; i++) {
        map = (Map<String, Object>) map.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
      }
      map.put(path.get(path.size() - 1), value);
    }
  }

  // ------------------------------------------------------------------------------------------ connections

  private void planConnection(UUID ws, ConnectionSpec c, Map<String, List<Live.Connection>> liveByName,
      Map<String, UUID> sourceIds, Map<String, UUID> destinationIds, Map<UUID, String> tagNames) {
    if (c.name().isBlank() || !sourceIds.containsKey(c.source()) || !destinationIds.containsKey(c.destination())) {
      return; // reported by check()
    }
    String where = c.describe();
    UUID sourceId = sourceIds.get(c.source());
    UUID destinationId = destinationIds.get(c.destination());
    Live.Connection live = single(liveByName, c.name(), c.origin, where, Live.Connection::id);
    if (live == null && liveByName.containsKey(c.name())) return;
    if (live == null) {
      List<FieldChange> fields = new ArrayList<>();
      fields.add(new FieldChange("source", null, Values.render(c.source())));
      fields.add(new FieldChange("destination", null, Values.render(c.destination())));
      addIfSet(fields, "schedule", c.schedule());
      addIfSet(fields, "status", c.status());
      addIfSet(fields, "namespaceDefinition", c.namespaceDefinition());
      addIfSet(fields, "namespaceFormat", c.namespaceFormat());
      addIfSet(fields, "prefix", c.prefix());
      addIfSet(fields, "nonBreakingSchemaUpdatesBehavior", c.nonBreakingSchemaUpdatesBehavior());
      if (c.tags() != null) fields.add(new FieldChange("tags", null, Values.render(c.tags())));
      if (c.streams() != null) {
        for (StreamSpec s : c.streams()) fields.add(new FieldChange("streams[" + s.key() + "]", null, describe(s)));
      }
      if (c.schedule() != null && c.schedule().kind() == Schedule.Kind.BASIC) {
        problems.add(c.origin.problem(where, "schedule", "a basic schedule can only be set in the web app; use cron"));
      }
      boolean sourceIsLive = sourceId != null;
      if (c.streams() != null && sourceIsLive && destinationId != null) {
        checkStreams(c, sourceId, destinationId);
      }
      connectionChanges.add(new ResourceChange(Type.CONNECTION, c.name(), Action.CREATE, ws, null, fields,
          sourceIsLive || c.streams() == null ? null
              : "streams checked against the new source before any connection is written",
          context -> {
            UUID src = context.id(ws, ActorSpec.Kind.SOURCE, c.source());
            UUID dst = context.id(ws, ActorSpec.Kind.DESTINATION, c.destination());
            Live.ConnectionWrite w = write(c, ws, src, dst, c.streams() == null ? null : streamWrites(c, List.of()),
                c.schedule(), c.status(), c.namespaceDefinition(), c.namespaceFormat(), c.prefix(),
                c.nonBreakingSchemaUpdatesBehavior(), c.tags(), context);
            context.refuseIfConnectionAppeared(ws, c.name());
            UUID created = context.api.createConnection(w);
            context.record(ws, Type.CONNECTION, c.name(), context.settleConnection(ws, c.name(), created));
          },
          c.streams() == null || sourceIsLive ? null : context -> streamProblems(c, context.api.streams(
              context.id(ws, ActorSpec.Kind.SOURCE, c.source()), context.id(ws, ActorSpec.Kind.DESTINATION,
                  c.destination())))));
      return;
    }
    if (sourceId == null || !sourceId.equals(live.sourceId()) || destinationId == null
        || !destinationId.equals(live.destinationId())) {
      problems.add(c.origin.problem(where, sourceId == null || !sourceId.equals(live.sourceId()) ? "source"
          : "destination", "the live connection (" + live.id() + ") links source " + live.sourceId()
          + " to destination " + live.destinationId() + "; a connection's source and destination cannot be "
          + "changed: rename this one or delete the live one"));
      return;
    }
    List<FieldChange> fields = new ArrayList<>();
    Schedule schedule = null;
    if (c.schedule() != null && !c.schedule().equals(live.schedule())) {
      fields.add(new FieldChange("schedule", live.schedule() == null ? null : live.schedule().toString(),
          c.schedule().toString()));
      if (c.schedule().kind() == Schedule.Kind.BASIC) {
        problems.add(c.origin.problem(where, "schedule", "a basic schedule can only be set in the web app; use cron"));
      }
      schedule = c.schedule();
    }
    String status = changed(fields, "status", c.status(), live.status());
    String namespaceDefinition = changed(fields, "namespaceDefinition", c.namespaceDefinition(),
        live.namespaceDefinition());
    // Only custom_format uses the format: with another definition a stale one is not drift.
    boolean customFormat = "custom_format".equals(c.namespaceDefinition() != null ? c.namespaceDefinition()
        : live.namespaceDefinition());
    String namespaceFormat = customFormat ? changed(fields, "namespaceFormat", c.namespaceFormat(),
        live.namespaceFormat()) : null;
    String prefix = changed(fields, "prefix", c.prefix(), live.prefix() == null ? "" : live.prefix());
    String nonBreaking = changed(fields, "nonBreakingSchemaUpdatesBehavior", c.nonBreakingSchemaUpdatesBehavior(),
        live.nonBreakingSchemaUpdatesBehavior());
    List<String> tags = null;
    if (c.tags() != null) {
      Set<String> liveTags = live.tagIds().stream().map(id -> tagNames.getOrDefault(id, id.toString()))
          .collect(Collectors.toCollection(java.util.TreeSet::new));
      Set<String> desiredTags = new java.util.TreeSet<>(c.tags());
      if (!liveTags.equals(desiredTags)) {
        fields.add(new FieldChange("tags", Values.render(List.copyOf(liveTags)), Values.render(List.copyOf(desiredTags))));
        tags = c.tags();
      }
    }
    List<Map<String, Object>> streams = null;
    if (c.streams() != null && diffStreams(c, live.streams(), fields)) {
      checkStreams(c, sourceId, destinationId);
      streams = streamWrites(c, live.streams());
    }
    if (fields.isEmpty()) {
      connectionChanges.add(new ResourceChange(Type.CONNECTION, c.name(), Action.UNCHANGED, ws, live.id(),
          List.of(), null, null));
      return;
    }
    UUID id = live.id();
    Schedule s = schedule;
    String nf = namespaceFormat;
    List<String> t = tags;
    List<Map<String, Object>> st = streams;
    connectionChanges.add(new ResourceChange(Type.CONNECTION, c.name(), Action.UPDATE, ws, id, fields, null,
        context -> {
          Live.ConnectionWrite w = write(c, ws, null, null, st, s, status, namespaceDefinition, nf, prefix,
              nonBreaking, t, context);
          context.confirmUnchanged(live);
          context.api.patchConnection(id, w);
        }));
  }

  private static Live.ConnectionWrite write(ConnectionSpec c, UUID ws, UUID sourceId, UUID destinationId,
      List<Map<String, Object>> streams, Schedule schedule, String status, String namespaceDefinition,
      String namespaceFormat, String prefix, String nonBreaking, List<String> tags,
      Applier.Context context) {
    List<Live.Tag> liveTags = null;
    if (tags != null) {
      liveTags = new ArrayList<>();
      for (String name : new LinkedHashSet<>(tags)) liveTags.add(context.tag(ws, name));
    }
    // A mapper may hold a secret reference (an encryption key), resolved only now.
    List<Map<String, Object>> resolved = streams == null ? null : streams.stream().map(context::resolve).toList();
    return new Live.ConnectionWrite(c.name(), sourceId, destinationId, resolved, schedule, status,
        namespaceDefinition, namespaceFormat, prefix, nonBreaking, liveTags, context.ws(ws));
  }

  private static void addIfSet(List<FieldChange> fields, String name, Object value) {
    if (value != null) fields.add(new FieldChange(name, null, value instanceof Schedule s ? s.toString()
        : Values.render(value)));
  }

  /** The desired value when it is managed and differs from the live one, else null. */
  private static String changed(List<FieldChange> fields, String name, String desired, String live) {
    if (desired == null || desired.equals(live)) return null;
    fields.add(new FieldChange(name, live == null ? null : Values.render(live), Values.render(desired)));
    return desired;
  }

  private static String describe(StreamSpec s) {
    StringBuilder out = new StringBuilder(s.syncMode() == null ? "(default sync mode)" : s.syncMode());
    if (s.cursorField() != null) out.append(", cursor ").append(Values.render(s.cursorField()));
    if (s.primaryKey() != null) out.append(", primary key ").append(Values.render(s.primaryKey()));
    if (s.selectedFields() != null) out.append(", fields ").append(Values.render(s.selectedFields()));
    if (s.mappers() != null) out.append(", mappers ").append(Values.render(s.mappers()));
    if (s.includeFiles() != null) out.append(", includeFiles ").append(s.includeFiles());
    if (s.destinationObjectName() != null) {
      out.append(", destinationObjectName ").append(Values.render(s.destinationObjectName()));
    }
    return out.toString();
  }

  private static Live.Stream match(StreamSpec s, List<Live.Stream> live) {
    List<Live.Stream> found = live.stream().filter(l -> l.name().equals(s.name())
        && (s.namespace() == null || s.namespace().equals(l.namespace()))).toList();
    return found.size() == 1 ? found.get(0) : null;
  }

  /** Adds the stream differences to {@code fields}; whether there are any. */
  private static boolean diffStreams(ConnectionSpec c, List<Live.Stream> live, List<FieldChange> fields) {
    int before = fields.size();
    Set<Live.Stream> matched = new HashSet<>();
    for (StreamSpec s : c.streams()) {
      Live.Stream l = match(s, live);
      String path = "streams[" + s.key() + "]";
      if (l == null) {
        fields.add(new FieldChange(path, null, describe(s)));
        continue;
      }
      matched.add(l);
      if (s.syncMode() != null && !s.syncMode().equals(l.syncMode())) {
        fields.add(new FieldChange(path + ".syncMode", l.syncMode() == null ? null : Values.render(l.syncMode()),
            Values.render(s.syncMode())));
      }
      if (s.cursorField() != null && !s.cursorField().equals(orEmpty(l.cursorField()))) {
        fields.add(new FieldChange(path + ".cursorField", Values.render(orEmpty(l.cursorField())),
            Values.render(s.cursorField())));
      }
      if (s.primaryKey() != null && !s.primaryKey().equals(orEmpty(l.primaryKey()))) {
        fields.add(new FieldChange(path + ".primaryKey", Values.render(orEmpty(l.primaryKey())),
            Values.render(s.primaryKey())));
      }
      List<List<String>> liveSelected = selectedFields(l);
      if (s.selectedFields() != null && !new HashSet<>(s.selectedFields()).equals(new HashSet<>(liveSelected))) {
        fields.add(new FieldChange(path + ".selectedFields", Values.render(liveSelected),
            Values.render(s.selectedFields())));
      }
      List<Object> liveMappers = mappers(l);
      if (s.mappers() != null && !sameIgnoringSecrets(s.mappers(), liveMappers)) {
        fields.add(new FieldChange(path + ".mappers", Values.render(Values.hidden(liveMappers, List.of(),
            p -> !p.isEmpty() && SecretFields.looksSecret(p.get(p.size() - 1)))), Values.render(s.mappers())));
      }
      Object liveFiles = l.raw().get("includeFiles");
      if (s.includeFiles() != null && !s.includeFiles().equals(liveFiles == null ? Boolean.FALSE : liveFiles)) {
        fields.add(new FieldChange(path + ".includeFiles", String.valueOf(liveFiles), s.includeFiles().toString()));
      }
      Object liveObject = l.raw().get("destinationObjectName");
      if (s.destinationObjectName() != null && !s.destinationObjectName().equals(liveObject)) {
        fields.add(new FieldChange(path + ".destinationObjectName", liveObject == null ? null
            : Values.render(liveObject), Values.render(s.destinationObjectName())));
      }
    }
    for (Live.Stream l : live) {
      if (!matched.contains(l)) fields.add(new FieldChange("streams[" + l.key() + "]", l.syncMode() == null
          ? "(selected)" : l.syncMode(), null));
    }
    return fields.size() > before;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** A live stream's selected fields as paths; empty when it selects none (every field is synced). */
  @SuppressWarnings("unchecked")
  static List<List<String>> selectedFields(Live.Stream l) {
    List<List<String>> out = new ArrayList<>();
    if (l.raw().get("selectedFields") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m && m.get("fieldPath") instanceof List<?> p) out.add((List<String>) p);
      }
    }
    return out;
  }

  /** A live stream's mappers without the ids the server assigns. */
  static List<Object> mappers(Live.Stream l) {
    List<Object> out = new ArrayList<>();
    if (l.raw().get("mappers") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          Map<String, Object> copy = new LinkedHashMap<>();
          m.forEach((k, v) -> {
            if (!"id".equals(k)) copy.put((String) k, v);
          });
          out.add(copy);
        } else {
          out.add(item);
        }
      }
    }
    return out;
  }

  /** JSON equality where a desired secret matches any live value: the server masks it, so it cannot be compared. */
  private static boolean sameIgnoringSecrets(Object desired, Object live) {
    if (desired instanceof Secret) return live != null;
    if (desired instanceof Map<?, ?> d && live instanceof Map<?, ?> l) {
      if (!d.keySet().equals(l.keySet())) return false;
      return d.entrySet().stream().allMatch(e -> sameIgnoringSecrets(e.getValue(), l.get(e.getKey())));
    }
    if (desired instanceof List<?> d && live instanceof List<?> l) {
      if (d.size() != l.size()) return false;
      for (int i = 0; i < d.size(); i++) if (!sameIgnoringSecrets(d.get(i), l.get(i))) return false;
      return true;
    }
    return Values.same(desired, live);
  }

  /** The streams to send: each desired one over its live configuration (selected fields, mappers kept). */
  private static List<Map<String, Object>> streamWrites(ConnectionSpec c, List<Live.Stream> live) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (StreamSpec s : c.streams()) {
      Live.Stream l = match(s, live);
      Map<String, Object> w = l == null ? new LinkedHashMap<>() : new LinkedHashMap<>(l.raw());
      w.put("name", s.name());
      if (s.namespace() != null) w.put("namespace", s.namespace());
      if (s.syncMode() != null) w.put("syncMode", s.syncMode());
      if (s.cursorField() != null) w.put("cursorField", s.cursorField());
      if (s.primaryKey() != null) w.put("primaryKey", s.primaryKey());
      if (s.selectedFields() != null) {
        w.put("selectedFields", s.selectedFields().stream().map(p -> Map.of("fieldPath", p)).toList());
      }
      if (s.mappers() != null) w.put("mappers", s.mappers()); // without ids: the server assigns them
      if (s.includeFiles() != null) w.put("includeFiles", s.includeFiles());
      if (s.destinationObjectName() != null) w.put("destinationObjectName", s.destinationObjectName());
      out.add(w);
    }
    return out;
  }

  private void checkStreams(ConnectionSpec c, UUID sourceId, UUID destinationId) {
    List<Live.StreamInfo> offered = streamCache.computeIfAbsent(sourceId + "/" + destinationId,
        k -> api.streams(sourceId, destinationId));
    problems.addAll(streamProblems(c, offered));
  }

  /** The streams of a connection that the source does not offer as asked. */
  static List<Problem> streamProblems(ConnectionSpec c, List<Live.StreamInfo> offered) {
    List<Problem> out = new ArrayList<>();
    for (StreamSpec s : c.streams()) {
      String where = c.describe() + " stream \"" + s.key() + "\"";
      List<Live.StreamInfo> found = offered.stream().filter(o -> o.name().equals(s.name())
          && (s.namespace() == null || s.namespace().equals(o.namespace()))).toList();
      if (found.isEmpty()) {
        out.add(s.origin.problem(where, "name", "source \"" + c.source() + "\" has no such stream (it has: "
            + offered.stream().map(o -> o.namespace() == null ? o.name() : o.namespace() + "." + o.name())
                .sorted().collect(Collectors.joining(", ")) + ")"));
        continue;
      }
      if (found.size() > 1) {
        out.add(s.origin.problem(where, "name", "the source has this stream in several namespaces ("
            + found.stream().map(Live.StreamInfo::namespace).collect(Collectors.joining(", ")) + "); give namespace"));
        continue;
      }
      Live.StreamInfo o = found.get(0);
      String mode = s.syncMode();
      if (mode != null && !o.syncModes().isEmpty() && !o.syncModes().contains(mode)) {
        out.add(s.origin.problem(where, "syncMode", "the stream supports " + String.join(", ", o.syncModes())
            + ", not " + mode));
        continue;
      }
      if (mode != null && mode.startsWith("incremental")) {
        if (o.sourceDefinedCursor() && s.cursorField() != null && !s.cursorField().equals(o.defaultCursorField())) {
          out.add(s.origin.problem(where, "cursorField", "the source defines the cursor ("
              + Values.render(o.defaultCursorField()) + "); leave cursorField out"));
        } else if (s.cursorField() == null && o.defaultCursorField().isEmpty() && !o.sourceDefinedCursor()) {
          out.add(s.origin.problem(where, "cursorField", mode + " needs a cursorField; the stream has no default"));
        } else if (s.cursorField() != null && !o.fields().isEmpty() && !o.fields().contains(s.cursorField())) {
          out.add(s.origin.problem(where, "cursorField", "the stream has no field " + Values.render(s.cursorField())));
        }
      }
      if (mode != null && mode.contains("deduped")) {
        if (!o.sourceDefinedPrimaryKey().isEmpty() && s.primaryKey() != null
            && !s.primaryKey().equals(o.sourceDefinedPrimaryKey())) {
          out.add(s.origin.problem(where, "primaryKey", "the source defines the primary key ("
              + Values.render(o.sourceDefinedPrimaryKey()) + "); leave primaryKey out"));
        } else if (s.primaryKey() == null && o.sourceDefinedPrimaryKey().isEmpty()) {
          out.add(s.origin.problem(where, "primaryKey", mode + " needs a primaryKey; the source defines none"));
        }
      }
      if (s.primaryKey() != null && !o.fields().isEmpty()) {
        for (List<String> key : s.primaryKey()) {
          if (!o.fields().contains(key)) {
            out.add(s.origin.problem(where, "primaryKey", "the stream has no field " + Values.render(key)));
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------- deletes

  private void planDeletes(WorkspaceState state, UUID ws, Map<String, List<Live.Actor>> liveSources,
      Map<String, List<Live.Actor>> liveDestinations, Map<String, List<Live.Connection>> liveConnections) {
    if (state.deleteUnlisted().isEmpty()) return;
    List<Pattern> guard = state.deleteUnlisted().stream().map(Planner::glob).toList();
    Set<String> sources = state.sources().stream().map(ActorSpec::name).collect(Collectors.toSet());
    Set<String> destinations = state.destinations().stream().map(ActorSpec::name).collect(Collectors.toSet());
    Set<String> connections = state.connections().stream().map(ConnectionSpec::name).collect(Collectors.toSet());
    Set<UUID> deletedActors = new HashSet<>();
    List<ResourceChange> actorsToDelete = new ArrayList<>();
    for (Map<String, List<Live.Actor>> live : List.of(liveSources, liveDestinations)) {
      for (List<Live.Actor> group : live.values()) {
        for (Live.Actor a : group) {
          Set<String> desired = a.kind() == ActorSpec.Kind.SOURCE ? sources : destinations;
          if (desired.contains(a.name()) || !matches(guard, a.name())) continue;
          deletedActors.add(a.id());
          Type type = a.kind() == ActorSpec.Kind.SOURCE ? Type.SOURCE : Type.DESTINATION;
          actorsToDelete.add(new ResourceChange(type, a.name(), Action.DELETE, ws, a.id(), List.of(), null,
              context -> {
                if (!context.deletedAlready(() -> context.confirmUnchanged(a))) context.api.deleteActor(a.kind(), a.id());
              }));
        }
      }
    }
    for (List<Live.Connection> group : liveConnections.values()) {
      for (Live.Connection c : group) {
        boolean guarded = !connections.contains(c.name()) && matches(guard, c.name());
        boolean orphaned = deletedActors.contains(c.sourceId()) || deletedActors.contains(c.destinationId());
        if (guarded) {
          connectionDeletes.add(new ResourceChange(Type.CONNECTION, c.name(), Action.DELETE, ws, c.id(), List.of(),
              null, context -> {
                if (!context.deletedAlready(() -> context.confirmUnchanged(c))) context.api.deleteConnection(c.id());
              }));
        } else if (orphaned) {
          problems.add(state.origin.problem(state.describe(), "deleteUnlisted", "deleting the source or destination"
              + " of connection \"" + c.name() + "\" (" + c.id() + ") would delete it too, and the guard "
              + state.deleteUnlisted() + " does not cover it"));
        }
      }
    }
    actorDeletes.addAll(actorsToDelete);
  }

  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(re.toString());
  }

  private static boolean matches(List<Pattern> guard, String name) {
    return guard.stream().anyMatch(p -> p.matcher(name).matches());
  }

  private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Tag names are unique in a workspace (the server answers 409): when another apply of this workspace created the
   * tag since the plan was made, this apply uses that one instead of failing, so that two applies of one state both
   * end well and share the tag.
   */
  private static Live.Tag createOrAdoptTag(Live.Api api, UUID workspaceId, String name, String color) {
    try {
      return api.createTag(workspaceId, name, color);
    } catch (ConflictException e) {
      return api.tags(workspaceId).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> e);
    }
  }
}
