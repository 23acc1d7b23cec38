package io.github.airbytejava.provisioning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What provisioning needs to know of connectors: definition ids of slugs, which configuration fields are secret,
 * schema defaults, and validation ({@link TypedConnectors}, from {@code airbyte-connectors}). Slugs it does not know
 * are looked up in the workspace's definitions.
 */
interface ConnectorFacts {
  /** The definition id of a slug, or null when not known here (then the live definitions are asked). */
  UUID definitionId(ActorSpec.Kind kind, String slug);

  /** Whether the schema marks the value at {@code path} (keys from the configuration down) secret. */
  boolean isSecret(ActorSpec.Kind kind, UUID definitionId, List<String> path);

  /** Whether a schema describes the value at {@code path}: false for every field of a connector not known here. */
  boolean describes(ActorSpec.Kind kind, UUID definitionId, List<String> path);

  /** The schema's default at {@code path}, or null. */
  Object defaultValue(ActorSpec.Kind kind, UUID definitionId, List<String> path);

  /** Problems of a configuration ({@code path: message}), secrets given as placeholders; empty when unknown. */
  List<String> validate(ActorSpec.Kind kind, UUID definitionId, Map<String, Object> configuration);

}
