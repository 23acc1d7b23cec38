package io.github.airbytejava.connectors;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.generated.model.ConnectorDefinitionResponse;
import io.github.airbytejava.generated.model.ConnectorType;
import io.github.airbytejava.generated.model.DefinitionResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Definition ids by connector name: from the facts this module ships, and from the live API for what they lack
 * (custom connectors, connectors newer than the facts, an install with its own registry). Each list the API gives is
 * fetched once and kept for the client; {@link #refresh()} forgets them.
 *
 * <pre>{@code
 * DefinitionIds ids = DefinitionIds.of(client);
 * UUID postgres = ids.source(workspaceId, "postgres").orElseThrow();      // from the facts, no request
 * UUID mine = ids.source(workspaceId, "acme-orders").orElseThrow();      // a custom connector of that workspace
 * SourceConfiguration custom = SourceConfiguration.raw(mine, Map.of("api_key", key));
 * }</pre>
 *
 * <p>A name matches a definition of the API by its Docker repository ({@code airbyte/source-postgres} or
 * {@code acme/source-orders} for {@code postgres} and {@code orders}), else by its display name, ignoring case.
 * Thread-safe.
 */
public final class DefinitionIds {
  /** Each client's fetched lists; the values do not refer to the client, so a client no longer used is collected. */
  private static final Map<AirbyteClient, Map<String, List<Named>>> PER_CLIENT =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final AirbyteClient client;
  private final Map<String, List<Named>> lists;

  private record Named(UUID id, String name, String dockerRepository) {
  }

  private DefinitionIds(AirbyteClient client, Map<String, List<Named>> lists) {
    this.client = client;
    this.lists = lists;
  }

  /** The lookups of {@code client}; what they fetch is kept for that client, shared by all its callers. */
  public static DefinitionIds of(AirbyteClient client) {
    Objects.requireNonNull(client, "client");
    return new DefinitionIds(client, PER_CLIENT.computeIfAbsent(client, c -> new ConcurrentHashMap<>()));
  }

  /** Same as {@link #find(ActorType, UUID, String)} for a source. */
  public Optional<UUID> source(UUID workspaceId, String name) {
    return find(ActorType.SOURCE, workspaceId, name);
  }

  /** Same as {@link #find(ActorType, UUID, String)} for a destination. */
  public Optional<UUID> destination(UUID workspaceId, String name) {
    return find(ActorType.DESTINATION, workspaceId, name);
  }

  /**
   * The definition id of the connector {@code name} (a slug such as {@code postgres}, or a display name): the
   * facts' id when they have the connector; else one of the definitions the workspace sees ({@code GET
   * /workspaces/{id}/definitions/sources}, custom ones included), or, with {@code workspaceId} null, of Airbyte's
   * ({@code GET /connector_definitions}). Empty when none has that name.
   */
  public Optional<UUID> find(ActorType actorType, UUID workspaceId, String name) {
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(name, "name");
    Optional<UUID> known = Connectors.find(actorType, name).flatMap(Connector::definitionId);
    if (known.isPresent()) {
      return known;
    }
    List<Named> definitions = lists.computeIfAbsent(actorType.wireName() + "/" + workspaceId,
        key -> fetch(actorType, workspaceId));
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Named d : definitions) {
      String repository = d.dockerRepository() == null ? "" : d.dockerRepository().toLowerCase(Locale.ROOT);
      String image = repository.substring(repository.lastIndexOf('/') + 1);
      if (image.equals(actorType.wireName() + "-" + wanted) || image.equals(wanted)) {
        return Optional.of(d.id());
      }
    }
    for (Named d : definitions) {
      if (d.name() != null && d.name().equalsIgnoreCase(name)) {
        return Optional.of(d.id());
      }
    }
    return Optional.empty();
  }

  /** Forgets the lists fetched so far; the next lookup the facts cannot answer fetches again. */
  public void refresh() {
    lists.clear();
  }

  private List<Named> fetch(ActorType actorType, UUID workspaceId) {
    List<Named> result = new ArrayList<>();
    if (workspaceId != null) {
      List<DefinitionResponse> data = actorType == ActorType.SOURCE
          ? client.sourceDefinitions().listSourceDefinitions(workspaceId).execute().getData()
          : client.destinationDefinitions().listDestinationDefinitions(workspaceId).execute().getData();
      if (data != null) {
        data.forEach(d -> result.add(new Named(d.getId(), d.getName(), d.getDockerRepository())));
      }
    } else {
      List<ConnectorDefinitionResponse> data = client.connectorDefinitions()
          .listConnectorDefinitions(actorType == ActorType.SOURCE ? ConnectorType.SOURCE : ConnectorType.DESTINATION)
          .execute().getData();
      if (data != null) {
        data.forEach(d -> result.add(new Named(d.getId(), d.getName(), null)));
      }
    }
    return List.copyOf(result);
  }
}
