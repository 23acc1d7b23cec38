package io.github.airbytejava.provisioning;

import io.github.airbytejava.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs a plan's steps in order and stops at the first failure. Before each write it confirms that the live resource
 * is still what the plan saw (a stale plan must not overwrite a newer change), and before each create that no
 * resource of the name appeared since (another apply running at the same time).
 */
final class Applier {

  /** What steps share: the API, the secrets, and the ids known so far (live ones, then those created). */
  static final class Context {
    final Live.Api api;
    private final SecretResolver secrets;
    private final Map<String, UUID> ids = new LinkedHashMap<>();
    private final Map<String, Live.Tag> tags = new HashMap<>();
    /** The real id of each workspace this apply created, by the placeholder id the plan gave it. */
    private final Map<UUID, UUID> workspaces = new HashMap<>();

    Context(Live.Api api, SecretResolver secrets) {
      this.api = api;
      this.secrets = secrets;
    }

    private String key(UUID workspaceId, ResourceChange.Type type, String name) {
      return ws(workspaceId) + "/" + type + "/" + name;
    }

    /** The workspace's id: its own, or for one this apply created, the id it got. */
    UUID ws(UUID planned) {
      return workspaces.getOrDefault(planned, planned);
    }

    void workspaceCreated(UUID placeholder, String name, UUID id) {
      workspaces.put(placeholder, id);
      record(placeholder, ResourceChange.Type.WORKSPACE, name, id);
    }

    private static ResourceChange.Type type(ActorSpec.Kind kind) {
      return kind == ActorSpec.Kind.SOURCE ? ResourceChange.Type.SOURCE : ResourceChange.Type.DESTINATION;
    }

    void record(UUID workspaceId, ResourceChange.Type type, String name, UUID id) {
      ids.put(key(workspaceId, type, name), id);
    }

    void id(UUID workspaceId, ActorSpec.Kind kind, String name, UUID id) {
      record(workspaceId, type(kind), name, id);
    }

    /** The id of a source or destination of the desired state: live, or created by an earlier step. */
    UUID id(UUID workspaceId, ActorSpec.Kind kind, String name) {
      UUID id = ids.get(key(workspaceId, type(kind), name));
      if (id == null) throw new IllegalStateException("No id for " + kind.label() + " \"" + name + "\"");
      return id;
    }

    void tag(UUID workspaceId, Live.Tag tag) {
      tags.put(ws(workspaceId) + "/" + tag.name(), tag);
      record(workspaceId, ResourceChange.Type.TAG, tag.name(), tag.id());
    }

    Live.Tag tag(UUID workspaceId, String name) {
      return tags.get(ws(workspaceId) + "/" + name);
    }

    /** A desired value with its secrets resolved; the plan checked they resolve. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> desired) {
      return (Map<String, Object>) Values.map(desired, secret -> {
        String value = secret.resolve(secrets);
        if (value == null) {
          throw new ProvisioningException(List.of(new Problem(null, 0, null,
              "secret " + secret.template() + " has no value (the resolver does not know " + secret.names()
              + ", or gives it empty)")));
        }
        return value;
      });
    }

    // ------------------------------------------------------------------------------------ re-checks before writes

    /** Refuses to create a source or destination whose name appeared since the plan was made. */
    void refuseIfAppeared(UUID workspaceId, ActorSpec.Kind kind, String name) {
      List<UUID> found = actorsNamed(workspaceId, kind, name);
      if (!found.isEmpty()) throw appeared(kind.label(), name, found);
    }

    private List<UUID> actorsNamed(UUID workspaceId, ActorSpec.Kind kind, String name) {
      return api.actors(kind, ws(workspaceId)).stream().filter(a -> a.name().equals(name)).map(Live.Actor::id)
          .toList();
    }

    private List<UUID> connectionsNamed(UUID workspaceId, String name) {
      return api.connections(ws(workspaceId)).stream().filter(c -> c.name().equals(name)).map(Live.Connection::id)
          .toList();
    }

    /**
     * After a create: when another apply created one of the same name at the same moment (both looked before either
     * created), the first the server lists is kept by both applies and the other deleted by the apply that made it.
     * An apply that saw only its own resource made the first, so the two agree. Returns the id to use from now on.
     */
    UUID settle(UUID workspaceId, ActorSpec.Kind kind, String name, UUID mine) {
      return settle(actorsNamed(workspaceId, kind, name), mine, () -> api.deleteActor(kind, mine));
    }

    UUID settleConnection(UUID workspaceId, String name, UUID mine) {
      return settle(connectionsNamed(workspaceId, name), mine, () -> api.deleteConnection(mine));
    }

    private static UUID settle(List<UUID> same, UUID mine, Runnable deleteMine) {
      if (same.size() <= 1 || same.get(0).equals(mine) || !same.contains(mine)) return mine;
      deleteMine.run();
      return same.get(0);
    }

    void refuseIfConnectionAppeared(UUID workspaceId, String name) {
      List<UUID> found = connectionsNamed(workspaceId, name);
      if (!found.isEmpty()) throw appeared("connection", name, found);
    }

    void refuseIfWorkspaceAppeared(String name) {
      List<UUID> found = api.workspaces().stream().filter(w -> w.name().equals(name)).map(Live.Workspace::id)
          .toList();
      if (!found.isEmpty()) throw appeared("workspace", name, found);
    }

    /** Stops when the workspace's notifications are no longer what the plan saw. */
    void confirmUnchanged(Live.Workspace seen) {
      Live.Workspace now = api.workspaces().stream().filter(w -> w.id().equals(seen.id())).findFirst().orElse(null);
      if (now == null) {
        throw new StalePlanException("workspace \"" + seen.name() + "\" (" + seen.id() + ") was deleted since the "
            + "plan was made; plan again");
      }
      if (!Values.same(now.notifications(), seen.notifications())) {
        throw changed("workspace", seen.name(), seen.id(), Set.of("notifications"));
      }
    }

    private static StalePlanException appeared(String type, String name, List<UUID> ids) {
      return new StalePlanException(type + " \"" + name + "\" was created since the plan was made (" + ids.stream()
          .map(UUID::toString).collect(Collectors.joining(", ")) + "), probably by another apply of this workspace "
          + "running at the same time; nothing was created for it. Run one apply per workspace at a time, then plan "
          + "again");
    }

    /** Stops when the live source or destination is no longer what the plan saw. */
    void confirmUnchanged(Live.Actor seen) {
      Live.Actor now;
      try {
        now = api.actor(seen.kind(), seen.id());
      } catch (NotFoundException e) {
        throw new StalePlanException(seen.kind().label() + " \"" + seen.name() + "\" (" + seen.id() + ") was deleted "
            + "since the plan was made; plan again", e);
      }
      Set<String> differ = new LinkedHashSet<>();
      if (!Objects.equals(now.name(), seen.name())) differ.add("name");
      if (!Objects.equals(now.definitionId(), seen.definitionId())) differ.add("definitionId");
      Set<String> keys = new LinkedHashSet<>(seen.configuration().keySet());
      keys.addAll(now.configuration().keySet());
      for (String k : keys) {
        if (!Values.same(seen.configuration().get(k), now.configuration().get(k))) differ.add("configuration." + k);
      }
      if (!differ.isEmpty()) throw changed(seen.kind().label(), seen.name(), seen.id(), differ);
    }

    void confirmUnchanged(Live.Connection seen) {
      Live.Connection now;
      try {
        now = api.connection(seen.id());
      } catch (NotFoundException e) {
        throw new StalePlanException("connection \"" + seen.name() + "\" (" + seen.id() + ") was deleted since the "
            + "plan was made; plan again", e);
      }
      Set<String> differ = new LinkedHashSet<>();
      if (!Objects.equals(now.name(), seen.name())) differ.add("name");
      if (!Objects.equals(now.status(), seen.status())) differ.add("status");
      if (!Objects.equals(now.schedule(), seen.schedule())) differ.add("schedule");
      if (!Objects.equals(now.namespaceDefinition(), seen.namespaceDefinition())) differ.add("namespaceDefinition");
      if (!Objects.equals(now.namespaceFormat(), seen.namespaceFormat())) differ.add("namespaceFormat");
      if (!Objects.equals(now.prefix(), seen.prefix())) differ.add("prefix");
      if (!Objects.equals(now.nonBreakingSchemaUpdatesBehavior(), seen.nonBreakingSchemaUpdatesBehavior())) {
        differ.add("nonBreakingSchemaUpdatesBehavior");
      }
      if (!Set.copyOf(now.tagIds()).equals(Set.copyOf(seen.tagIds()))) differ.add("tags");
      if (!Values.same(now.streams().stream().map(Live.Stream::raw).toList(),
          seen.streams().stream().map(Live.Stream::raw).toList())) {
        differ.add("streams");
      }
      if (!differ.isEmpty()) throw changed("connection", seen.name(), seen.id(), differ);
    }

    private static StalePlanException changed(String type, String name, UUID id, Set<String> differ) {
      return new StalePlanException(type + " \"" + name + "\" (" + id + ") changed since the plan was made ("
          + String.join(", ", differ) + "); the plan would overwrite that change, so nothing was written to it. "
          + "Plan again");
    }

    /** Whether the resource is gone already: deleting it again is then nothing to do. */
    boolean deletedAlready(Runnable confirm) {
      try {
        confirm.run();
        return false;
      } catch (StalePlanException e) {
        if (e.getCause() instanceof NotFoundException) return true;
        throw e;
      }
    }
  }

  private Applier() {}

  static ApplyResult apply(Plan plan, Context context) {
    for (ResourceChange c : plan.changes()) {
      if (c.id() != null) context.record(c.workspaceId(), c.type(), c.name(), c.id());
    }
    plan.tags.forEach((workspaceId, tags) -> tags.forEach(t -> context.tag(workspaceId, t)));
    List<ResourceChange> done = new ArrayList<>();
    List<ResourceChange> pending = plan.pending();
    boolean checked = false;
    for (int i = 0; i < pending.size(); i++) {
      ResourceChange change = pending.get(i);
      try {
        if (!checked && change.type() == ResourceChange.Type.CONNECTION) {
          // Before the first connection: every connection on a source this apply created is checked against it,
          // and every problem reported at once, so that no connection is made while another cannot be.
          checked = true;
          List<Problem> problems = new ArrayList<>();
          for (ResourceChange c : pending.subList(i, pending.size())) {
            if (c.check != null) problems.addAll(c.check.problems(context));
          }
          if (!problems.isEmpty()) throw new ProvisioningException(problems);
        }
        change.step.run(context);
      } catch (RuntimeException e) {
        return new ApplyResult(done, change, e, pending.subList(i + 1, pending.size()), context.ids);
      }
      done.add(change);
    }
    return new ApplyResult(done, null, null, List.of(), context.ids);
  }
}
