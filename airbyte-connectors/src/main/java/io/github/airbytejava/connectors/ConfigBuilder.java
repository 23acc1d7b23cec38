package io.github.airbytejava.connectors;

import io.github.airbytejava.connectors.internal.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base of the generated builders. Each typed setter sets one field (null removes it); {@link #put} sets any
 * field, such as one a newer connector has and the facts do not. {@code build()} fails on a missing required field,
 * with the message validation gives; {@code buildPartial()} does not, for the fields of a PATCH.
 * {@link ConnectorConfiguration#validate()} and every request made from the configuration check the whole schema.
 *
 * @param <B> the builder's own type
 */
public abstract class ConfigBuilder<B extends ConfigBuilder<B>> {
  private final Map<String, Object> values;

  /** Starts from {@code values} (frozen, as {@link ConfigObject#get} gives them). */
  protected ConfigBuilder(Map<String, Object> values) {
    this.values = new LinkedHashMap<>(values);
  }

  /** Sets a field the typed setters do not offer; {@code value} is any JSON-like value, null removes the field. */
  public final B put(String key, Object value) {
    return set(key, value);
  }

  /** Removes a field. */
  public final B remove(String key) {
    values.remove(Objects.requireNonNull(key, "key"));
    return self();
  }

  protected final B set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, ConfigObject.freeze(value));
    }
    return self();
  }

  /** Sets a secret field to a reference ({@code ${NAME}}) that is resolved when the configuration is sent. */
  protected final B set(String key, SecretReference reference) {
    return set(key, reference == null ? null : (Object) reference.reference());
  }

  /** The fields set so far, frozen, for {@code build()}. */
  @SuppressWarnings("unchecked")
  protected final Map<String, Object> frozenValues() {
    return (Map<String, Object>) ConfigObject.freeze(values);
  }

  /**
   * For {@code build()}: {@code built}, once it has every one of {@code required} (its schema's required fields).
   *
   * @throws InvalidConfigurationException naming each missing field by its path, as validation does
   */
  protected final <T extends ConfigObject> T requireFields(T built, String... required) {
    List<ConfigurationProblem> missing = new ArrayList<>();
    for (String name : required) {
      if (!values.containsKey(name)) {
        missing.add(new ConfigurationProblem(built.shape().path(name), "is required"));
      }
    }
    if (!missing.isEmpty()) {
      Shape shape = built.shape();
      throw new InvalidConfigurationException(shape.actorType().wireName() + " " + shape.slug(),
          Connectors.find(shape.actorType(), shape.slug()).orElse(null), missing);
    }
    return built;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
