package io.github.airbytejava.provisioning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What provisioning needs to know of connectors: definition ids of slugs, which configuration fields are secret,
 * schema defaults, and validation. Backed by the live API's definition lists until the typed connectors module
 * is wired in.
 */
interface ConnectorFacts {
  /** The definition id of a slug, or null when not known here (then the live definitions are asked). */
  UUID definitionId(ActorSpec.Kind kind, String slug);

  /** Whether the schema marks the value at {@code path} (keys from the configuration down) secret. */
  boolean isSecret(ActorSpec.Kind kind, UUID definitionId, List<String> path);

  /** The schema's default at {@code path}, or null. */
  Object defaultValue(ActorSpec.Kind kind, UUID definitionId, List<String> path);

  /** Problems of a configuration ({@code path: message}), secrets given as placeholders; empty when unknown. */
  List<String> validate(ActorSpec.Kind kind, UUID definitionId, Map<String, Object> configuration);

  /** Knows nothing: ids come from the live definitions, secrets from references and masked live values. */
  ConnectorFacts NONE = new ConnectorFacts() {
    @Override
    public UUID definitionId(ActorSpec.Kind kind, String slug) {
      return null;
    }

    @Override
    public boolean isSecret(ActorSpec.Kind kind, UUID definitionId, List<String> path) {
      return false;
    }

    @Override
    public Object defaultValue(ActorSpec.Kind kind, UUID definitionId, List<String> path) {
      return null;
    }

    @Override
    public List<String> validate(ActorSpec.Kind kind, UUID definitionId, Map<String, Object> configuration) {
      return List.of();
    }
  };
}
