package io.github.airbytejava.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The items of an offset-paged list, one page in memory at a time. A page is fetched only when the previous one
 * is used up, and none after a short page: the server sets {@code next} on every non-empty page, so following it
 * would cost an extra request for an empty page.
 */
public final class PageSpliterator<T> extends Spliterators.AbstractSpliterator<T> {
  private final int pageSize;
  private final BiFunction<Integer, Integer, List<T>> fetcher;
  private Iterator<T> page = null;
  private int offset = 0;
  private boolean lastPage = false;

  /** {@code fetcher} takes (limit, offset) and returns at most limit items; null counts as none. */
  public PageSpliterator(int pageSize, BiFunction<Integer, Integer, List<T>> fetcher) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.pageSize = pageSize;
    this.fetcher = fetcher;
  }

  @Override
  public boolean tryAdvance(Consumer<? super T> action) {
    while (true) {
      while (page != null && page.hasNext()) {
        T item = page.next();
        if (item != null) { // a null in "data" is no item; the stream promises none
          action.accept(item);
          return true;
        }
      }
      if (lastPage) return false;
      List<T> items = fetcher.apply(pageSize, offset);
      int count = items == null ? 0 : items.size();
      offset += count; // the server counted the nulls too
      lastPage = count < pageSize;
      page = count == 0 ? null : items.iterator();
    }
  }
}
