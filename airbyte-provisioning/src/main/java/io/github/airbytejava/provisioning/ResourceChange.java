package io.github.airbytejava.provisioning;

import java.util.List;
import java.util.UUID;

/** What a plan does to one resource: create, update (field by field), delete, or nothing. */
public final class ResourceChange {
  /** What happens to the resource. */
  public enum Action { CREATE, UPDATE, DELETE, UNCHANGED }

  /** The kinds of resource a plan manages. */
  public enum Type {
    WORKSPACE("workspace"), TAG("tag"), SOURCE("source"), DESTINATION("destination"), CONNECTION("connection");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The request that carries out a change; run in plan order. */
  interface Step {
    void run(Applier.Context context);
  }

  /** What apply checks of a connection before any connection is written (its streams, on a new source). */
  interface Check {
    List<Problem> problems(Applier.Context context);
  }

  private final Type type;
  private final String name;
  private final Action action;
  private final UUID workspaceId;
  private final UUID id;
  private final List<FieldChange> fields;
  private final String note;
  final Step step;
  final Check check;

  ResourceChange(Type type, String name, Action action, UUID workspaceId, UUID id, List<FieldChange> fields,
      String note, Step step) {
    this(type, name, action, workspaceId, id, fields, note, step, null);
  }

  ResourceChange(Type type, String name, Action action, UUID workspaceId, UUID id, List<FieldChange> fields,
      String note, Step step, Check check) {
    this.type = type;
    this.name = name;
    this.action = action;
    this.workspaceId = workspaceId;
    this.id = id;
    this.fields = List.copyOf(fields);
    this.note = note;
    this.step = step;
    this.check = check;
  }

  public Type type() {
    return type;
  }

  public String name() {
    return name;
  }

  public Action action() {
    return action;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  /** The live resource's id; null for a create. */
  public UUID id() {
    return id;
  }

  /** The fields changed: every field set for a create, those that differ for an update. */
  public List<FieldChange> fields() {
    return fields;
  }

  /** How the change is sent or why it happens ({@code PUT: a field is removed}); may be null. */
  public String note() {
    return note;
  }

  String describe() {
    return type.label() + " \"" + name + "\"";
  }

  @Override
  public String toString() {
    return action.name().toLowerCase(java.util.Locale.ROOT) + " " + describe()
        + (fields.isEmpty() ? "" : " " + fields);
  }
}
