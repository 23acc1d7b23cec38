package io.github.airbytejava.connectors;

import io.github.airbytejava.connectors.internal.Shape;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.DestinationPatchRequest;
import io.github.airbytejava.generated.model.DestinationPutRequest;
import io.github.airbytejava.generated.model.DestinationResponse;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A destination's configuration: a generated class such as {@code DestinationPostgres}, or a raw view ({@link #raw}). Makes the
 * create, replace and update requests in one expression, each carrying the definition id (so connectors the server
 * cannot find by name work too) and checked against the connector's schema before anything is sent:
 *
 * <pre>{@code
 * DestinationResponse created = client.destinations().createDestination(DestinationPostgres.builder()
 *     .host("warehouse.internal").port(5432).database("analytics").schema("public").username("airbyte")
 *     .password(password)
 *     .build()
 *     .createRequest(workspaceId, "Warehouse")).execute();
 * DestinationPostgres read = DestinationConfiguration.of(created, DestinationPostgres.class);
 * }</pre>
 */
public abstract class DestinationConfiguration extends ConnectorConfiguration {

  /** For the generated classes. */
  protected DestinationConfiguration(Shape shape, Map<String, Object> values) {
    super(shape, values);
  }

  private DestinationConfiguration(Connector connector, UUID definitionId, Map<String, Object> values) {
    super(ActorType.DESTINATION, connector, definitionId, values);
  }

  /**
   * The configuration of a destination as read from Airbyte, typed by the response's {@code definitionId} (or, for a
   * definition id this module does not know, its {@code destinationType}): a {@code DestinationBigquery} for a BigQuery destination;
   * a raw view ({@link #isTyped()} false) for a connector this module does not know. Never guesses from the
   * configuration's fields. Secrets come back masked: see {@link #patchRequest()}.
   */
  public static DestinationConfiguration of(DestinationResponse destination) {
    Objects.requireNonNull(destination, "destination");
    Connector connector = Connectors.identify(ActorType.DESTINATION, destination.getDefinitionId(), destination.getDestinationType());
    Map<String, Object> values = copyOf(destination.getConfiguration());
    return connector == null ? new Raw(null, destination.getDefinitionId(), values)
        : (DestinationConfiguration) connector.typed(values);
  }

  /**
   * As {@link #of(DestinationResponse)}, as the class you expect.
   *
   * @throws ConnectorMismatchException naming the connector the destination really is, if it is not {@code type}
   */
  public static <T extends DestinationConfiguration> T of(DestinationResponse destination, Class<T> type) {
    Objects.requireNonNull(type, "type");
    DestinationConfiguration configuration = of(destination);
    if (!type.isInstance(configuration)) {
      throw Connectors.mismatch("destination " + destination.getDestinationId(), configuration, type,
          destination.getDestinationType());
    }
    return type.cast(configuration);
  }

  /** The configuration of a destination as raw JSON, whatever its connector: always works. */
  public static DestinationConfiguration raw(DestinationResponse destination) {
    Objects.requireNonNull(destination, "destination");
    Connector connector = Connectors.identify(ActorType.DESTINATION, destination.getDefinitionId(), destination.getDestinationType());
    return new Raw(connector, destination.getDefinitionId(), copyOf(destination.getConfiguration()));
  }

  /**
   * A raw configuration for the destination definition {@code definitionId} (a custom connector, say); checked against
   * the schema when the definition is a connector this module knows.
   */
  public static DestinationConfiguration raw(UUID definitionId, Map<String, ?> configuration) {
    Objects.requireNonNull(definitionId, "definitionId");
    Connector connector = Connectors.byDefinitionId(definitionId).filter(c -> c.actorType() == ActorType.DESTINATION)
        .orElse(null);
    return new Raw(connector, definitionId, copyOf(Objects.requireNonNull(configuration, "configuration")));
  }

  /** Same as {@link #createRequest(UUID, String, Validation)} with validation on. */
  public final DestinationCreateRequest createRequest(UUID workspaceId, String name) {
    return createRequest(workspaceId, name, Validation.ON);
  }

  /**
   * A request creating a destination with this configuration, carrying the definition id.
   *
   * @throws InvalidConfigurationException listing every problem, unless {@code validation} is OFF; also when a
   *     field holds the mask Airbyte returns instead of a secret (sent, the mask would become the secret)
   * @throws IllegalStateException when no definition id is known (resolve one with {@link DefinitionIds})
   */
  public final DestinationCreateRequest createRequest(UUID workspaceId, String name, Validation validation) {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(name, "name");
    return new DestinationCreateRequest().name(name).workspaceId(workspaceId).definitionId(requireDefinitionId())
        .configuration(requestConfiguration(validation, false));
  }

  /** Same as {@link #putRequest(String, Validation)} with validation on. */
  public final DestinationPutRequest putRequest(String name) {
    return putRequest(name, Validation.ON);
  }

  /**
   * A request replacing a destination's name and whole configuration with this one.
   *
   * @throws InvalidConfigurationException as {@link #createRequest(UUID, String, Validation)}: a masked secret read
   *     back from Airbyte cannot be sent back (use {@link #patchRequest()}, or set the secret)
   */
  public final DestinationPutRequest putRequest(String name, Validation validation) {
    Objects.requireNonNull(name, "name");
    return new DestinationPutRequest().name(name).configuration(requestConfiguration(validation, false));
  }

  /** Same as {@link #patchRequest(Validation)} with validation on. */
  public final DestinationPatchRequest patchRequest() {
    return patchRequest(Validation.ON);
  }

  /**
   * A request updating a destination's configuration with these fields; the server merges them into the stored ones.
   * Fields holding the mask Airbyte returns instead of a secret are left out, so a configuration read back,
   * changed and sent keeps its stored secrets. Validated without {@code required} (the server has the rest).
   *
   * @throws InvalidConfigurationException listing every problem, unless {@code validation} is OFF; also when a
   *     list holds the mask (a PATCH replaces a list whole: set its secrets again, or remove the list)
   */
  public final DestinationPatchRequest patchRequest(Validation validation) {
    return new DestinationPatchRequest().configuration(requestConfiguration(validation, true));
  }

  private UUID requireDefinitionId() {
    return definitionId().orElseThrow(() -> new IllegalStateException("No definition id is known for the "
        + describe() + "; resolve one with DefinitionIds.of(client) and use DestinationConfiguration.raw(id, map)"));
  }

  private static final class Raw extends DestinationConfiguration {
    Raw(Connector connector, UUID definitionId, Map<String, Object> values) {
      super(connector, definitionId, values);
    }

    @Override
    public boolean isTyped() {
      return false;
    }
  }

  /** For {@link Connector#raw}. */
  static DestinationConfiguration raw(Connector connector, Map<String, Object> values) {
    return new Raw(connector, connector.definitionId().orElse(null), values);
  }
}
