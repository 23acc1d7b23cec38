package io.github.airbytejava.internal;

import io.github.airbytejava.AirbyteListener;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a listener so that whatever it throws never fails the client's work. */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.airbytejava.listener");

  private Listeners() {}

  /** Calls {@code event} on {@code listener} unless it is {@link AirbyteListener#NONE}; logs what it throws. */
  public static void tell(AirbyteListener listener, Consumer<AirbyteListener> event) {
    if (listener == AirbyteListener.NONE) return;
    try {
      event.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("The AirbyteListener {} threw; the client goes on", listener.getClass().getName(), e);
    }
  }
}
