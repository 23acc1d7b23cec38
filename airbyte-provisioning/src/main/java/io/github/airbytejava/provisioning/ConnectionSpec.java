package io.github.airbytejava.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A connection as it should be: its name (its identity within the workspace), the names of its source and
 * destination (both declared in the same desired state), and what it manages. A setting left unset is the
 * server's choice: it is sent on create only if given, and never compared.
 *
 * <pre>{@code
 * ConnectionSpec.builder("pg-to-bq", "pg-prod", "bq")
 *     .stream(StreamSpec.builder("users").syncMode("incremental_deduped_history")
 *         .cursorField("updated_at").primaryKey("id").build())
 *     .schedule(Schedule.cron("0 0 6 * * ?"))
 *     .tags("prod")
 *     .build();
 * }</pre>
 */
public final class ConnectionSpec {
  private final String name;
  private final String source;
  private final String destination;
  private final List<StreamSpec> streams;
  private final Schedule schedule;
  private final String status;
  private final String namespaceDefinition;
  private final String namespaceFormat;
  private final String prefix;
  private final String nonBreakingSchemaUpdatesBehavior;
  private final List<String> tags;
  final Origin origin;

  private ConnectionSpec(Builder b) {
    this.name = b.name;
    this.source = b.source;
    this.destination = b.destination;
    this.streams = b.streams == null ? null : List.copyOf(b.streams);
    this.schedule = b.schedule;
    this.status = b.status;
    this.namespaceDefinition = b.namespaceDefinition;
    this.namespaceFormat = b.namespaceFormat;
    this.prefix = b.prefix;
    this.nonBreakingSchemaUpdatesBehavior = b.nonBreakingSchemaUpdatesBehavior;
    this.tags = b.tags == null ? null : List.copyOf(b.tags);
    this.origin = b.origin;
  }

  /** A connection named {@code name} from the source named {@code source} to the destination {@code destination}. */
  public static Builder builder(String name, String source, String destination) {
    return new Builder(name, source, destination);
  }

  public String name() {
    return name;
  }

  /** The source's name. */
  public String source() {
    return source;
  }

  /** The destination's name. */
  public String destination() {
    return destination;
  }

  /** The streams synced, or null: the server's selection, not compared. */
  public List<StreamSpec> streams() {
    return streams;
  }

  /** Null: not managed. */
  public Schedule schedule() {
    return schedule;
  }

  /** {@code active} or {@code inactive}; null: not managed. */
  public String status() {
    return status;
  }

  /** {@code source}, {@code destination} or {@code custom_format}; null: not managed. */
  public String namespaceDefinition() {
    return namespaceDefinition;
  }

  /**
   * The namespace format with {@code custom_format} ({@code ${SOURCE_NAMESPACE}_raw}); compared only when the
   * connection's namespace definition is {@code custom_format}, the only one that uses it. Null: not managed.
   */
  public String namespaceFormat() {
    return namespaceFormat;
  }

  /** The prefix of destination table names; null: not managed, {@code ""}: none. */
  public String prefix() {
    return prefix;
  }

  /** {@code ignore}, {@code disable_connection}, {@code propagate_columns} or {@code propagate_fully}; null: not managed. */
  public String nonBreakingSchemaUpdatesBehavior() {
    return nonBreakingSchemaUpdatesBehavior;
  }

  /** Tag names; tags missing in the workspace are created. Null: not managed, empty: no tags. */
  public List<String> tags() {
    return tags;
  }

  String describe() {
    return "connection \"" + name + "\"";
  }

  @Override
  public String toString() {
    return "ConnectionSpec{" + name + ": " + source + " -> " + destination + '}';
  }

  /** Builds a {@link ConnectionSpec}. */
  public static final class Builder {
    private final String name;
    private final String source;
    private final String destination;
    private List<StreamSpec> streams;
    private Schedule schedule;
    private String status;
    private String namespaceDefinition;
    private String namespaceFormat;
    private String prefix;
    private String nonBreakingSchemaUpdatesBehavior;
    private List<String> tags;
    private Origin origin = Origin.NONE;

    private Builder(String name, String source, String destination) {
      this.name = Objects.requireNonNull(name, "name");
      this.source = Objects.requireNonNull(source, "source");
      this.destination = Objects.requireNonNull(destination, "destination");
    }

    /** Adds a stream; the first call makes the streams managed. */
    public Builder stream(StreamSpec stream) {
      if (streams == null) streams = new ArrayList<>();
      streams.add(Objects.requireNonNull(stream, "stream"));
      return this;
    }

    /** All streams at once; null makes them the server's choice again. */
    public Builder streams(List<StreamSpec> streams) {
      this.streams = streams == null ? null : new ArrayList<>(streams);
      return this;
    }

    public Builder schedule(Schedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** {@code active} or {@code inactive}, as in a file; {@link #status(ConnectionStatus)} is checked by the compiler. */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder status(ConnectionStatus status) {
      return status(status == null ? null : status.wireValue());
    }

    /** {@code source}, {@code destination} or {@code custom_format}. */
    public Builder namespaceDefinition(String namespaceDefinition) {
      this.namespaceDefinition = namespaceDefinition;
      return this;
    }

    public Builder namespaceDefinition(NamespaceDefinition namespaceDefinition) {
      return namespaceDefinition(namespaceDefinition == null ? null : namespaceDefinition.wireValue());
    }

    /** The namespace format with {@code custom_format} ({@code ${SOURCE_NAMESPACE}_raw}). */
    public Builder namespaceFormat(String namespaceFormat) {
      this.namespaceFormat = namespaceFormat;
      return this;
    }

    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    public Builder nonBreakingSchemaUpdatesBehavior(String behavior) {
      this.nonBreakingSchemaUpdatesBehavior = behavior;
      return this;
    }

    public Builder nonBreakingSchemaUpdatesBehavior(SchemaChangeBehavior behavior) {
      return nonBreakingSchemaUpdatesBehavior(behavior == null ? null : behavior.wireValue());
    }

    public Builder tags(String... tags) {
      return tags(List.of(tags));
    }

    public Builder tags(List<String> tags) {
      this.tags = tags == null ? null : new ArrayList<>(tags);
      return this;
    }

    Builder origin(Origin origin) {
      this.origin = origin;
      return this;
    }

    public ConnectionSpec build() {
      return new ConnectionSpec(this);
    }
  }
}
