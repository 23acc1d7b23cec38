package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several listener beans as the client's one listener; one that throws does not keep the others from hearing. */
final class CompositeListener implements AirbyteListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.airbytejava.listener");

  private final List<AirbyteListener> listeners;

  CompositeListener(List<AirbyteListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onRequestStart(RequestStart start) {
    listeners.forEach(l -> safely(l, () -> l.onRequestStart(start)));
  }

  @Override
  public void onRequestEnd(RequestEnd end) {
    listeners.forEach(l -> safely(l, () -> l.onRequestEnd(end)));
  }

  @Override
  public void onRetry(Retry retry) {
    listeners.forEach(l -> safely(l, () -> l.onRetry(retry)));
  }

  @Override
  public void onTokenRefresh(TokenRefresh refresh) {
    listeners.forEach(l -> safely(l, () -> l.onTokenRefresh(refresh)));
  }

  @Override
  public void onSyncPoll(SyncPoll poll) {
    listeners.forEach(l -> safely(l, () -> l.onSyncPoll(poll)));
  }

  private static void safely(AirbyteListener listener, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("AirbyteListener {} failed: {}", listener.getClass().getName(), e.toString());
    }
  }
}
