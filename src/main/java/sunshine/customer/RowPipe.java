package sunshine.customer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Turns the items of an iterator into values on a thread of its own and hands them over in batches, so that
 * producing (parsing XML) and consuming (checking, writing to COPY) run on both cores. A few batches at most
 * wait in between, so memory stays flat; null values are dropped.
 */
final class RowPipe<T> implements AutoCloseable {

    private static final int BATCH = 512;
    private static final List<Object> END = new ArrayList<>();

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    <S> RowPipe(Iterator<S> source, Function<S, T> convert, String name) {
        thread = new Thread(() -> produce(source, convert), name);
        thread.setDaemon(true);
        thread.start();
    }

    private <S> void produce(Iterator<S> source, Function<S, T> convert) {
        try {
            List<T> batch = new ArrayList<>(BATCH);
            while (!closed && source.hasNext()) {
                T value = convert.apply(source.next());
                if (value != null) {
                    batch.add(value);
                }
                if (batch.size() == BATCH) {
                    hand(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                hand(batch);
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            hand(END);
        }
    }

    private void hand(List<?> batch) {
        try {
            while (!closed && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is busy: wait, unless it has given up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** The next batch, or null when the source is exhausted; rethrows what went wrong while producing. */
    @SuppressWarnings("unchecked")
    List<T> next() throws IOException {
        List<?> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (batch != END) {
            return (List<T>) batch;
        }
        Throwable e = failure;
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IOException(e);
        }
        return null;
    }

    /** Stops the producer (if it still runs) and waits for it, so the source can be closed safely. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
