package dev.lingogate.gateway.request;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the gateway holds at once, over all its event loops. The body limit
 * bounds one request; this bounds them all together: without it, a few hundred clients uploading
 * the largest body at once (or holding their uploads open) would fill the heap the whole stack runs
 * in. A body that does not fit is refused before it is read, never queued.
 */
public final class BodyBudget {

  private final long capacity;
  private final AtomicLong held = new AtomicLong();

  public BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** A share for one request, empty until its body is read; touched only from that request's event loop. */
  public Share share() {
    return new Share();
  }

  public long capacity() {
    return capacity;
  }

  /** The bytes held now, by every request together. */
  public long held() {
    return held.get();
  }

  /**
   * The part of the budget one request's body holds, from its first byte until the request's answer
   * is ready (then the body is garbage, whatever the answer's own size).
   */
  public final class Share {
    private long bytes;
    private boolean released;

    private Share() {}

    /** Takes {@code more} bytes for this request, if they fit; false leaves the budget as it was. */
    boolean take(long more) {
      if (released) {
        return false;
      }
      long before;
      do {
        before = held.get();
        if (before + more > capacity) {
          return false;
        }
      } while (!held.compareAndSet(before, before + more));
      bytes += more;
      return true;
    }

    /** Gives back what this request took; later calls do nothing. */
    public void release() {
      if (!released) {
        released = true;
        held.addAndGet(-bytes);
      }
    }
  }
}
