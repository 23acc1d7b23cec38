package io.github.airbytejava.provisioning;

import io.github.airbytejava.connectors.ActorType;
import io.github.airbytejava.connectors.ConfigurationProblem;
import io.github.airbytejava.connectors.Connector;
import io.github.airbytejava.connectors.Connectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ConnectorFacts} from {@code airbyte-connectors}: the 600 connectors of Airbyte's published specifications. */
final class TypedConnectors implements ConnectorFacts {
  /** What a secret reference is validated as: a string, its value unknown until sent. */
  private static final String SECRET_PLACEHOLDER = "secret";

  static ActorType actorType(ActorSpec.Kind kind) {
    return kind == ActorSpec.Kind.SOURCE ? ActorType.SOURCE : ActorType.DESTINATION;
  }

  private static Optional<Connector> connector(ActorSpec.Kind kind, UUID definitionId) {
    return Connectors.byDefinitionId(definitionId).filter(c -> c.actorType() == actorType(kind));
  }

  /** The connector named by {@code slug}, else by {@code definitionId}; empty for a custom one. */
  static Optional<Connector> connector(ActorSpec.Kind kind, String slug, UUID definitionId) {
    Optional<Connector> bySlug = slug == null ? Optional.empty() : Connectors.find(actorType(kind), slug);
    return bySlug.isPresent() || definitionId == null ? bySlug : connector(kind, definitionId);
  }

  @Override
  public UUID definitionId(ActorSpec.Kind kind, String slug) {
    return Connectors.find(actorType(kind), slug).flatMap(Connector::definitionId).orElse(null);
  }

  @Override
  public boolean isSecret(ActorSpec.Kind kind, UUID definitionId, List<String> path) {
    // Only what the schema marks secret: a field it does not describe is compared as it is.
    return connector(kind, definitionId).map(c -> c.secretPaths().contains(path)).orElse(false);
  }

  @Override
  public boolean describes(ActorSpec.Kind kind, UUID definitionId, List<String> path) {
    // Connector.isSecret answers true for a path its schema does not describe.
    return connector(kind, definitionId).map(c -> !c.isSecret(path) || c.secretPaths().contains(path)).orElse(false);
  }

  @Override
  public Object defaultValue(ActorSpec.Kind kind, UUID definitionId, List<String> path) {
    return connector(kind, definitionId).map(c -> c.defaults().get(path)).orElse(null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> validate(ActorSpec.Kind kind, UUID definitionId, Map<String, Object> configuration) {
    Optional<Connector> connector = connector(kind, definitionId);
    if (connector.isEmpty()) return List.of(); // custom or newer than the facts: raw JSON, checked by the server
    Map<String, Object> plain = (Map<String, Object>) Values.map(configuration, secret -> SECRET_PLACEHOLDER);
    return connector.get().problems(plain).stream().map(TypedConnectors::text).toList();
  }

  private static String text(ConfigurationProblem p) {
    return p.path() == null || p.path().isEmpty() ? p.message() : p.path() + ": " + p.message();
  }
}
