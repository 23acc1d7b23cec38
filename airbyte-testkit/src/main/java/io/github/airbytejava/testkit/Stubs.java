package io.github.airbytejava.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Set;

/**
 * The stubs of one fake Airbyte: each request the fake routes takes the first stub that matches it (see
 * {@link Stub}). Cleared by {@link FakeAirbyte#reset()} and, with {@link FakeAirbyteExtension}, before each test.
 * Thread-safe.
 */
public final class Stubs {

  private final Set<String> operationIds;
  private final List<Stub> stubs = new ArrayList<>();

  Stubs(Set<String> operationIds) {
    this.operationIds = operationIds;
  }

  /**
   * Adds stubs after the ones already there.
   *
   * @throws IllegalArgumentException for an operationId the API does not have
   */
  public synchronized Stubs add(Stub... more) {
    for (Stub stub : more) {
      Objects.requireNonNull(stub, "stub");
      if (stub.operationId != null && !operationIds.contains(stub.operationId)) {
        throw new IllegalArgumentException("The API has no operation " + stub.operationId + " (operationIds are "
            + "the spec's, such as listSources or getJob)");
      }
      stubs.add(stub);
    }
    return this;
  }

  public synchronized void clear() {
    stubs.clear();
  }

  /** The stubs still in place, each with the number of requests it will still answer (0: every one). */
  public synchronized List<Stub> active() {
    return List.copyOf(stubs);
  }

  /** The reply of the first stub for this request, using it up once, or null. */
  synchronized Reply take(Routes.Route route, String method, String apiPath) {
    for (ListIterator<Stub> it = stubs.listIterator(); it.hasNext(); ) {
      Stub stub = it.next();
      if (stub.matches(route, method, apiPath)) {
        if (stub.times == 1) {
          it.remove();
        } else if (stub.times > 1) {
          it.set(stub.withTimes(stub.times - 1));
        }
        return stub.reply();
      }
    }
    return null;
  }
}
