package io.github.airbytejava.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs a plan's steps in order and stops at the first failure. */
final class Applier {

  /** What steps share: the API, the secrets, and the ids known so far (live ones, then those created). */
  static final class Context {
    final Live.Api api;
    private final SecretResolver secrets;
    private final Map<String, UUID> ids = new HashMap<>();
    private final Map<String, Live.Tag> tags = new HashMap<>();

    Context(Live.Api api, SecretResolver secrets) {
      this.api = api;
      this.secrets = secrets;
    }

    void id(UUID workspaceId, ActorSpec.Kind kind, String name, UUID id) {
      ids.put(workspaceId + "/" + kind + "/" + name, id);
    }

    /** The id of a source or destination of the desired state: live, or created by an earlier step. */
    UUID id(UUID workspaceId, ActorSpec.Kind kind, String name) {
      UUID id = ids.get(workspaceId + "/" + kind + "/" + name);
      if (id == null) throw new IllegalStateException("No id for " + kind.label() + " \"" + name + "\"");
      return id;
    }

    void tag(UUID workspaceId, Live.Tag tag) {
      tags.put(workspaceId + "/" + tag.name(), tag);
    }

    Live.Tag tag(UUID workspaceId, String name) {
      return tags.get(workspaceId + "/" + name);
    }

    /** A desired value with its secrets resolved; the plan checked they resolve. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> desired) {
      return (Map<String, Object>) Values.map(desired, secret -> {
        String value = secret.resolve(secrets);
        if (value == null) {
          throw new ProvisioningException(List.of(new Problem(null, 0, null,
              "secret " + secret.template() + " has no value (the resolver does not know " + secret.names() + ")")));
        }
        return value;
      });
    }
  }

  private Applier() {}

  static ApplyResult apply(Plan plan, Context context) {
    for (ResourceChange c : plan.changes()) {
      if (c.id() != null && c.type() == ResourceChange.Type.SOURCE) {
        context.id(c.workspaceId(), ActorSpec.Kind.SOURCE, c.name(), c.id());
      } else if (c.id() != null && c.type() == ResourceChange.Type.DESTINATION) {
        context.id(c.workspaceId(), ActorSpec.Kind.DESTINATION, c.name(), c.id());
      }
    }
    plan.tags.forEach((workspaceId, tags) -> tags.forEach(t -> context.tag(workspaceId, t)));
    List<ResourceChange> done = new ArrayList<>();
    List<ResourceChange> pending = plan.pending();
    for (int i = 0; i < pending.size(); i++) {
      ResourceChange change = pending.get(i);
      try {
        change.step.run(context);
      } catch (RuntimeException e) {
        return new ApplyResult(done, change, e, pending.subList(i + 1, pending.size()));
      }
      done.add(change);
    }
    return new ApplyResult(done, null, null, List.of());
  }
}
