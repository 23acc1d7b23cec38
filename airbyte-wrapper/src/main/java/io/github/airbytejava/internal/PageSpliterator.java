package io.github.airbytejava.internal;

import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.Paginator;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * The items of an offset-paged list, one page in memory at a time. A page is fetched only when the previous one is
 * used up, and only while the last one was not empty and the server said there is more ({@code next}).
 *
 * <p>A page shorter than the longest page so far is the last: that is where the server's own page size ran out,
 * whatever {@code limit} asked for (a server or proxy that caps it below the request still pages correctly). So
 * only a list that fits in its first page, or whose size is a multiple of the page size, costs one more request
 * that returns nothing.
 *
 * <p>A page identical to the one before it means the server ignores {@code offset}: the stream fails then, instead
 * of running forever.
 */
public final class PageSpliterator<T> extends Spliterators.AbstractSpliterator<T> {
  private final int pageSize;
  private final Paginator.PageFetcher<T> fetcher;
  private Iterator<T> page = null;
  private List<T> previous = null;
  private int offset = 0;
  private int longestPage = 0;
  private boolean lastPage = false;

  public PageSpliterator(int pageSize, Paginator.PageFetcher<T> fetcher) {
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
      Paginator.Page<T> fetched = fetcher.fetch(pageSize, offset);
      List<T> items = fetched == null || fetched.items() == null ? List.of() : fetched.items();
      int count = items.size();
      if (count > 0 && items.equals(previous)) {
        throw new AirbyteException("The page at offset " + offset + " is the same as the one before it: the server"
            + " ignores offset. Stopping after " + offset + " items rather than reading the same page forever.");
      }
      previous = items;
      offset += count; // the server counted the nulls too
      longestPage = Math.max(longestPage, count);
      String next = fetched == null ? null : fetched.next();
      lastPage = count == 0 || next == null || next.isBlank() || count < longestPage;
      page = count == 0 ? null : items.iterator();
    }
  }
}
