package io.github.airbytejava.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One stream of a source's catalog, as discovery would find it: what {@code GET /streams} describes and what a
 * connection's stream configurations are checked against. Give a source its streams with
 * {@link FakeAirbyte#setStreams(java.util.UUID, List)}, or every source of a definition with
 * {@link FakeAirbyte#setDefaultStreams(java.util.UUID, List)}.
 *
 * <pre>{@code
 * FakeStream users = FakeStream.builder("users")
 *     .namespace("public")
 *     .syncModes(FakeStream.SyncMode.FULL_REFRESH, FakeStream.SyncMode.INCREMENTAL)
 *     .fields("id", "email", "updated_at")
 *     .field("address", "city")                    // a nested field
 *     .defaultCursorField("updated_at")
 *     .sourceDefinedPrimaryKey(List.of("id"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; the builder is not thread-safe.
 */
public final class FakeStream {

  /** How a source can read a stream. */
  public enum SyncMode {
    FULL_REFRESH, INCREMENTAL;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String name;
  private final String namespace;
  private final Set<SyncMode> syncModes;
  private final List<String> defaultCursorField;
  private final boolean sourceDefinedCursor;
  private final List<List<String>> sourceDefinedPrimaryKey;
  private final List<List<String>> fields;

  private FakeStream(Builder b) {
    this.name = b.name;
    this.namespace = b.namespace;
    this.syncModes = Collections.unmodifiableSet(EnumSet.copyOf(b.syncModes));
    this.defaultCursorField = List.copyOf(b.defaultCursorField);
    this.sourceDefinedCursor = b.sourceDefinedCursor;
    this.sourceDefinedPrimaryKey = copy(b.sourceDefinedPrimaryKey);
    // The cursor and the key are fields of the stream, whether or not they were listed.
    Set<List<String>> all = new LinkedHashSet<>(b.fields);
    if (!defaultCursorField.isEmpty()) {
      all.add(defaultCursorField);
    }
    all.addAll(sourceDefinedPrimaryKey);
    this.fields = copy(new ArrayList<>(all));
  }

  /** A stream with this name: full refresh only, no namespace, cursor, key or fields until the builder says so. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** The namespace (a schema, say), or null. */
  public String namespace() {
    return namespace;
  }

  public Set<SyncMode> syncModes() {
    return syncModes;
  }

  /** The cursor the source suggests, as a field path; empty when there is none. */
  public List<String> defaultCursorField() {
    return defaultCursorField;
  }

  /** Whether the source decides the cursor itself (a connection cannot choose another). */
  public boolean sourceDefinedCursor() {
    return sourceDefinedCursor;
  }

  /** The primary key the source defines, as field paths; empty when there is none. */
  public List<List<String>> sourceDefinedPrimaryKey() {
    return sourceDefinedPrimaryKey;
  }

  /** Every field of the stream as a path, the cursor and the key included; a nested field comes with its parent. */
  public List<List<String>> fields() {
    return fields;
  }

  private static List<List<String>> copy(List<List<String>> paths) {
    List<List<String>> out = new ArrayList<>(paths.size());
    paths.forEach(p -> out.add(List.copyOf(p)));
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "FakeStream[" + (namespace == null ? "" : namespace + ".") + name + "]";
  }

  /** Builds a {@link FakeStream}. */
  public static final class Builder {
    private final String name;
    private String namespace;
    private Set<SyncMode> syncModes = EnumSet.of(SyncMode.FULL_REFRESH);
    private List<String> defaultCursorField = List.of();
    private boolean sourceDefinedCursor;
    private List<List<String>> sourceDefinedPrimaryKey = List.of();
    private final List<List<String>> fields = new ArrayList<>();

    private Builder(String name) {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("A stream needs a name");
      }
      this.name = name;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** The sync modes the source supports for this stream; at least one. Default full refresh only. */
    public Builder syncModes(SyncMode first, SyncMode... more) {
      EnumSet<SyncMode> modes = EnumSet.of(Objects.requireNonNull(first, "syncMode"), more);
      this.syncModes = modes;
      return this;
    }

    /** Adds top-level fields. */
    public Builder fields(String... names) {
      for (String fieldName : names) {
        field(fieldName);
      }
      return this;
    }

    /**
     * Adds one field by its path, e.g. {@code field("address", "city")}; its parents become fields too, as the server
     * lists them from the stream's JSON schema.
     */
    public Builder field(String... path) {
      List<String> p = path(path, "field");
      for (int i = 1; i <= p.size(); i++) {
        List<String> prefix = p.subList(0, i);
        if (!fields.contains(prefix)) {
          fields.add(List.copyOf(prefix));
        }
      }
      return this;
    }

    /** The cursor the source suggests, e.g. {@code defaultCursorField("updated_at")}. */
    public Builder defaultCursorField(String... path) {
      this.defaultCursorField = path(path, "defaultCursorField");
      field(path);
      return this;
    }

    /** Whether the source decides the cursor itself ({@link #defaultCursorField} is then the one). Default false. */
    public Builder sourceDefinedCursor(boolean sourceDefinedCursor) {
      this.sourceDefinedCursor = sourceDefinedCursor;
      return this;
    }

    /** The primary key the source defines: one path per key field, e.g. {@code List.of("id")}. */
    @SafeVarargs
    public final Builder sourceDefinedPrimaryKey(List<String>... paths) {
      List<List<String>> key = new ArrayList<>();
      for (List<String> p : paths) {
        key.add(path(p.toArray(String[]::new), "sourceDefinedPrimaryKey"));
        field(p.toArray(String[]::new));
      }
      this.sourceDefinedPrimaryKey = key;
      return this;
    }

    public FakeStream build() {
      if (sourceDefinedCursor && defaultCursorField.isEmpty()) {
        throw new IllegalStateException("A source-defined cursor needs a defaultCursorField: " + name);
      }
      return new FakeStream(this);
    }

    private static List<String> path(String[] path, String what) {
      if (path.length == 0) {
        throw new IllegalArgumentException(what + " needs at least one field name");
      }
      for (String s : path) {
        if (s == null || s.isEmpty()) {
          throw new IllegalArgumentException(what + " has an empty field name: " + java.util.Arrays.toString(path));
        }
      }
      return List.of(path);
    }
  }
}
