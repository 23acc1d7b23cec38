package io.github.airbytejava.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stream a connection syncs: its name (and namespace, when the source has several), and optionally its sync
 * mode, cursor field and primary key. What is left out is the server's choice and is not compared. Checked against
 * the source's streams ({@code GET /streams}) before anything is written.
 */
public final class StreamSpec {
  private final String name;
  private final String namespace;
  private final String syncMode;
  private final List<String> cursorField;
  private final List<List<String>> primaryKey;
  private final List<List<String>> selectedFields;
  private final List<Map<String, Object>> mappers;
  private final Boolean includeFiles;
  private final String destinationObjectName;
  final Origin origin;

  private StreamSpec(Builder b) {
    this.name = b.name;
    this.namespace = b.namespace;
    this.syncMode = b.syncMode;
    this.cursorField = b.cursorField == null ? null : List.copyOf(b.cursorField);
    this.primaryKey = b.primaryKey == null ? null : b.primaryKey.stream().map(List::copyOf).toList();
    this.selectedFields = b.selectedFields == null ? null : b.selectedFields.stream().map(List::copyOf).toList();
    this.mappers = b.mappers == null ? null : b.mappers.stream().map(Values::desiredObject).toList();
    this.includeFiles = b.includeFiles;
    this.destinationObjectName = b.destinationObjectName;
    this.origin = b.origin;
  }

  /** A stream synced with the server's default mode. */
  public static StreamSpec of(String name) {
    return builder(name).build();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** Null: the stream's only namespace, or none. */
  public String namespace() {
    return namespace;
  }

  /** The wire value ({@code incremental_deduped_history}); null: the server's choice. */
  public String syncMode() {
    return syncMode;
  }

  /** Null: the server's choice (the source's default cursor). */
  public List<String> cursorField() {
    return cursorField;
  }

  /** Null: the server's choice (the source's primary key). */
  public List<List<String>> primaryKey() {
    return primaryKey;
  }

  /**
   * The fields synced, each a path ({@code [["id"], ["address", "city"]]}); null: not managed, every field is synced
   * unless the live connection says otherwise. Compared as a set.
   */
  public List<List<String>> selectedFields() {
    return selectedFields;
  }

  /**
   * The mappers applied to the records before they are written, in order, each as the API writes it
   * ({@code {type: hashing, mapperConfiguration: {targetField: email, method: SHA-256, fieldNameSuffix: _hashed}}}),
   * without the server's {@code id}; a {@code ${NAME}} reference in one (an encryption key) is a secret. Null: not
   * managed.
   */
  public List<Map<String, Object>> mappers() {
    return mappers;
  }

  /** Whether the files the stream refers to are copied too; null: not managed. */
  public Boolean includeFiles() {
    return includeFiles;
  }

  /** The object written to, for destinations that write to named objects; null: not managed. */
  public String destinationObjectName() {
    return destinationObjectName;
  }

  String key() {
    return namespace == null ? name : namespace + "." + name;
  }

  @Override
  public String toString() {
    return "StreamSpec{" + key() + (syncMode == null ? "" : ", " + syncMode) + '}';
  }

  /** Builds a {@link StreamSpec}. */
  public static final class Builder {
    private final String name;
    private String namespace;
    private String syncMode;
    private List<String> cursorField;
    private List<List<String>> primaryKey;
    private List<List<String>> selectedFields;
    private List<Map<String, ?>> mappers;
    private Boolean includeFiles;
    private String destinationObjectName;
    private Origin origin = Origin.NONE;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** The wire value of a sync mode, as the API's {@code ConnectionSyncModeEnum} writes it. */
    public Builder syncMode(String syncMode) {
      this.syncMode = syncMode;
      return this;
    }

    public Builder syncMode(SyncMode syncMode) {
      return syncMode(syncMode == null ? null : syncMode.wireValue());
    }

    /** The fields to sync, each a path of field names; see {@link StreamSpec#selectedFields()}. */
    public Builder selectedFields(List<List<String>> selectedFields) {
      this.selectedFields = selectedFields;
      return this;
    }

    /** Top-level fields to sync. */
    public Builder selectedFields(String... fields) {
      return selectedFields(java.util.Arrays.stream(fields).map(List::of).toList());
    }

    /** The mappers, each as JSON values; see {@link StreamSpec#mappers()}. */
    public Builder mappers(List<? extends Map<String, ?>> mappers) {
      this.mappers = mappers == null ? null : List.copyOf(mappers);
      return this;
    }

    public Builder includeFiles(Boolean includeFiles) {
      this.includeFiles = includeFiles;
      return this;
    }

    public Builder destinationObjectName(String destinationObjectName) {
      this.destinationObjectName = destinationObjectName;
      return this;
    }

    public Builder cursorField(List<String> cursorField) {
      this.cursorField = cursorField;
      return this;
    }

    public Builder cursorField(String... cursorField) {
      return cursorField(List.of(cursorField));
    }

    /** Each key is a path of field names: {@code [["id"]]}, or {@code [["region"], ["id"]]} for a composite. */
    public Builder primaryKey(List<List<String>> primaryKey) {
      this.primaryKey = primaryKey;
      return this;
    }

    /** A primary key of top-level fields. */
    public Builder primaryKey(String... fields) {
      return primaryKey(java.util.Arrays.stream(fields).map(List::of).toList());
    }

    Builder origin(Origin origin) {
      this.origin = origin;
      return this;
    }

    public StreamSpec build() {
      return new StreamSpec(this);
    }
  }
}
