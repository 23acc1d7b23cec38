package io.github.airbytejava.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What the fake takes from the spec instead of keeping its own copy: the values of the enums it checks requests
 * against (roles, job types, schedule types, actor types) and the list of operations. A value or an operation brought
 * into the spec is then known to the fake without an edit here, and the two cannot drift apart.
 */
final class SpecFacts {

  /** One operation of the spec, as its paths section names it. */
  record Operation(String method, String template, String operationId, String tag) {}

  private static volatile SpecFacts bundled;

  private final Map<String, Object> schemas;
  private final List<Operation> operations;

  @SuppressWarnings("unchecked")
  private SpecFacts(String text) {
    Map<String, Object> document = new Yaml(new LoaderOptions()).load(text);
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    this.schemas = (Map<String, Object>) components.get("schemas");
    List<Operation> ops = new ArrayList<>();
    ((Map<String, Map<String, Object>>) document.get("paths")).forEach((template, item) -> item.forEach((method, o) -> {
      if (o instanceof Map<?, ?> op && op.get("operationId") instanceof String id) {
        List<?> tags = op.get("tags") instanceof List<?> t ? t : List.of();
        ops.add(new Operation(method.toUpperCase(Locale.ROOT), template, id,
            tags.isEmpty() ? null : String.valueOf(tags.get(0))));
      }
    }));
    this.operations = List.copyOf(ops);
  }

  /**
   * The spec the fake checks against by default (this checkout's, else the airbyte-api-spec jar's), read once per
   * JVM: parsing it takes a few tens of milliseconds.
   */
  static SpecFacts bundled() {
    SpecFacts facts = bundled;
    if (facts == null) {
      synchronized (SpecFacts.class) {
        facts = bundled;
        if (facts == null) {
          facts = new SpecFacts(Conformance.defaultSpecText());
          bundled = facts;
        }
      }
    }
    return facts;
  }

  /** The values of the string enum {@code components.schemas.<schema>}, in the spec's order. */
  Set<String> enumValues(String schema) {
    if (!(schemas.get(schema) instanceof Map<?, ?> definition) || !(definition.get("enum") instanceof List<?> values)) {
      throw new IllegalStateException("The spec has no enum schema " + schema + "; the fake reads its values from it");
    }
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> out.add(String.valueOf(v)));
    return Set.copyOf(out);
  }

  List<Operation> operations() {
    return operations;
  }

  /** The operation of the spec at this method and concrete path, or null. */
  Operation operation(String method, String apiPath) {
    for (Operation op : operations) {
      if (op.method().equals(method) && Routes.fits(op.template(), apiPath)) {
        return op;
      }
    }
    return null;
  }
}
