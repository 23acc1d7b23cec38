package io.github.airbytejava.connectors;

import io.github.airbytejava.connectors.internal.Shape;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourcePutRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A source's configuration: a generated class such as {@code SourcePostgres}, or a raw view ({@link #raw}). Makes the
 * create, replace and update requests in one expression, each carrying the definition id (so connectors the server
 * cannot find by name work too) and checked against the connector's schema before anything is sent:
 *
 * <pre>{@code
 * SourceResponse created = client.sources().createSource(SourcePostgres.builder()
 *     .host("db.internal").port(5432).database("app").username("airbyte").password(password)
 *     .build()
 *     .createRequest(workspaceId, "App database")).execute();
 * SourcePostgres read = SourceConfiguration.of(created, SourcePostgres.class);
 * }</pre>
 */
public abstract class SourceConfiguration extends ConnectorConfiguration {

  /** For the generated classes. */
  protected SourceConfiguration(Shape shape, Map<String, Object> values) {
    super(shape, values);
  }

  private SourceConfiguration(Connector connector, UUID definitionId, Map<String, Object> values) {
    super(ActorType.SOURCE, connector, definitionId, values);
  }

  /**
   * The configuration of a source as read from Airbyte, typed by the response's {@code definitionId} (or, for a
   * definition id this module does not know, its {@code sourceType}): a {@code SourceGithub} for a GitHub source;
   * a raw view ({@link #isTyped()} false) for a connector this module does not know. Never guesses from the
   * configuration's fields. Secrets come back masked: see {@link #patchRequest()}.
   */
  public static SourceConfiguration of(SourceResponse source) {
    Objects.requireNonNull(source, "source");
    Connector connector = Connectors.identify(ActorType.SOURCE, source.getDefinitionId(), source.getSourceType());
    Map<String, Object> values = copyOf(source.getConfiguration());
    return connector == null ? new Raw(null, source.getDefinitionId(), values)
        : (SourceConfiguration) connector.typed(values);
  }

  /**
   * As {@link #of(SourceResponse)}, as the class you expect.
   *
   * @throws ConnectorMismatchException naming the connector the source really is, if it is not {@code type}
   */
  public static <T extends SourceConfiguration> T of(SourceResponse source, Class<T> type) {
    Objects.requireNonNull(type, "type");
    SourceConfiguration configuration = of(source);
    if (!type.isInstance(configuration)) {
      throw Connectors.mismatch("source " + source.getSourceId(), configuration, type,
          source.getSourceType());
    }
    return type.cast(configuration);
  }

  /** The configuration of a source as raw JSON, whatever its connector: always works. */
  public static SourceConfiguration raw(SourceResponse source) {
    Objects.requireNonNull(source, "source");
    Connector connector = Connectors.identify(ActorType.SOURCE, source.getDefinitionId(), source.getSourceType());
    return new Raw(connector, source.getDefinitionId(), copyOf(source.getConfiguration()));
  }

  /**
   * A raw configuration for the source definition {@code definitionId} (a custom connector, say); checked against
   * the schema when the definition is a connector this module knows.
   */
  public static SourceConfiguration raw(UUID definitionId, Map<String, ?> configuration) {
    Objects.requireNonNull(definitionId, "definitionId");
    Connector connector = Connectors.byDefinitionId(definitionId).filter(c -> c.actorType() == ActorType.SOURCE)
        .orElse(null);
    return new Raw(connector, definitionId, copyOf(Objects.requireNonNull(configuration, "configuration")));
  }

  /** Same as {@link #createRequest(UUID, String, Validation)} with validation on. */
  public final SourceCreateRequest createRequest(UUID workspaceId, String name) {
    return createRequest(workspaceId, name, Validation.ON);
  }

  /**
   * A request creating a source with this configuration, carrying the definition id.
   *
   * @throws InvalidConfigurationException listing every problem, unless {@code validation} is OFF; also when a
   *     field holds the mask Airbyte returns instead of a secret (sent, the mask would become the secret)
   * @throws IllegalStateException when no definition id is known (resolve one with {@link DefinitionIds})
   */
  public final SourceCreateRequest createRequest(UUID workspaceId, String name, Validation validation) {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(name, "name");
    return new SourceCreateRequest().name(name).workspaceId(workspaceId).definitionId(requireDefinitionId())
        .configuration(requestConfiguration(validation, false));
  }

  /** Same as {@link #putRequest(String, Validation)} with validation on. */
  public final SourcePutRequest putRequest(String name) {
    return putRequest(name, Validation.ON);
  }

  /**
   * A request replacing a source's name and whole configuration with this one.
   *
   * @throws InvalidConfigurationException as {@link #createRequest(UUID, String, Validation)}: a masked secret read
   *     back from Airbyte cannot be sent back (use {@link #patchRequest()}, or set the secret)
   */
  public final SourcePutRequest putRequest(String name, Validation validation) {
    Objects.requireNonNull(name, "name");
    return new SourcePutRequest().name(name).configuration(requestConfiguration(validation, false));
  }

  /** Same as {@link #patchRequest(Validation)} with validation on. */
  public final SourcePatchRequest patchRequest() {
    return patchRequest(Validation.ON);
  }

  /**
   * A request updating a source's configuration with these fields; the server merges them into the stored ones.
   * Fields holding the mask Airbyte returns instead of a secret are left out, so a configuration read back,
   * changed and sent keeps its stored secrets. Validated without {@code required} (the server has the rest).
   *
   * @throws InvalidConfigurationException listing every problem, unless {@code validation} is OFF; also when a
   *     list holds the mask (a PATCH replaces a list whole: set its secrets again, or remove the list)
   */
  public final SourcePatchRequest patchRequest(Validation validation) {
    return new SourcePatchRequest().configuration(requestConfiguration(validation, true));
  }

  private UUID requireDefinitionId() {
    return definitionId().orElseThrow(() -> new IllegalStateException("No definition id is known for the "
        + describe() + "; resolve one with DefinitionIds.of(client) and use SourceConfiguration.raw(id, map)"));
  }

  private static final class Raw extends SourceConfiguration {
    Raw(Connector connector, UUID definitionId, Map<String, Object> values) {
      super(connector, definitionId, values);
    }

    @Override
    public boolean isTyped() {
      return false;
    }
  }

  /** For {@link Connector#raw}. */
  static SourceConfiguration raw(Connector connector, Map<String, Object> values) {
    return new Raw(connector, connector.definitionId().orElse(null), values);
  }
}
