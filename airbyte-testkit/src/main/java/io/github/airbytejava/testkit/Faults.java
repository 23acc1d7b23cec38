package io.github.airbytejava.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;

/**
 * The queue of {@link Fault}s of one fake Airbyte. Each incoming request, the token request included, takes the first
 * queued fault that applies to it (see {@link Fault#on}); a fault applied as many times as it was told
 * ({@link Fault#times}) leaves the queue. Thread-safe.
 */
public final class Faults {

  private final List<Fault> queue = new ArrayList<>();

  Faults() {
  }

  /** Queues these faults after the ones already queued. */
  public synchronized Faults next(Fault... faults) {
    for (Fault fault : faults) {
      queue.add(Objects.requireNonNull(fault, "fault"));
    }
    return this;
  }

  /** Drops every queued fault. */
  public synchronized void clear() {
    queue.clear();
  }

  /** The faults still queued, each with the number of requests it will still apply to. */
  public synchronized List<Fault> pending() {
    return List.copyOf(queue);
  }

  /** Takes one use of the first fault that applies to this request, or returns null. */
  synchronized Fault take(String method, String apiPath) {
    for (ListIterator<Fault> it = queue.listIterator(); it.hasNext(); ) {
      Fault fault = it.next();
      if (fault.kind != Fault.Kind.DISCONNECT_BEFORE_BODY && fault.matches(method, apiPath)) {
        consume(it, fault);
        return fault;
      }
    }
    return null;
  }

  /** Whether the first queued fault wants the next request's body left unread. */
  synchronized boolean beforeBodyFirst() {
    return !queue.isEmpty() && queue.get(0).kind == Fault.Kind.DISCONNECT_BEFORE_BODY;
  }

  /** Takes one use of a queued before-body disconnect, if one is still there. */
  synchronized void takeBeforeBody() {
    for (ListIterator<Fault> it = queue.listIterator(); it.hasNext(); ) {
      Fault fault = it.next();
      if (fault.kind == Fault.Kind.DISCONNECT_BEFORE_BODY) {
        consume(it, fault);
        return;
      }
    }
  }

  private static void consume(ListIterator<Fault> it, Fault fault) {
    if (fault.times > 1) {
      it.set(fault.withTimes(fault.times - 1));
    } else {
      it.remove();
    }
  }
}
