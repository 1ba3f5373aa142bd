package sunshine.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import sunshine.shared.CurrentUser;

/**
 * The dashboard pages' figures as last read, per bank, scope (branch subtree) and question, until the bank's figures
 * are refreshed ({@link FiguresRefresh}, every minute) or its targets change, and never longer than a minute. The
 * figures only change at a refresh, so fifty people looking at the same coverage table cost one query, not fifty.
 * Only answers are kept: a question refused (out of scope, 404 and audited) is asked again every time. The key holds
 * the caller's scope path, so an answer is only ever given to someone who sees exactly the same branches. Pages keep
 * the rendered HTML of their figures here too (with the language among the arguments): it is made from these answers
 * only, so it is as current as they are.
 */
@Component
public class FigureCache {

    static final long MAX_AGE_NANOS = 60_000_000_000L;
    static final int MAX_ENTRIES = 5_000;
    /** Rendered HTML kept (in chars, about twice as many bytes): all is dropped beyond it, as beyond MAX_ENTRIES. */
    static final long MAX_CHARS = 16_000_000;

    private record Key(long bankId, String scopePath, String question, List<Object> args) {}

    private record Entry(long generation, long at, Object value) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong chars = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder clears = new LongAdder();

    /** The answer to {@code question} with {@code args} for the caller's bank and scope, loaded when not kept. */
    @SuppressWarnings("unchecked")
    public <T> T get(String question, Supplier<T> load, Object... args) {
        CurrentUser u = CurrentUser.require();
        Key key = new Key(u.bankId(), u.scopePath(), question, Arrays.asList(args));
        // the generation is read before loading: a refresh that commits meanwhile makes this answer old at once
        long generation = generation(u.bankId()).get();
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && e.generation() == generation && now - e.at() < MAX_AGE_NANOS) {
            hits.increment();
            return (T) e.value();
        }
        misses.increment();
        T value = load.get();
        long size = size(value);
        if (entries.size() >= MAX_ENTRIES || chars.addAndGet(size) > MAX_CHARS) {
            entries.clear();
            chars.set(size);
            clears.increment();
        }
        Entry old = entries.put(key, new Entry(generation, now, value));
        if (old != null) {
            chars.addAndGet(-size(old.value()));
        }
        return value;
    }

    private static long size(Object value) {
        return value instanceof CharSequence text ? text.length() : 0;
    }

    /** How the cache has done since the start: for the benchmark's report and for anyone wondering. */
    public String stats() {
        return String.format(
                java.util.Locale.ROOT,
                "%,d entries, %,d chars of HTML, %,d hits, %,d misses, emptied %,d times",
                entries.size(),
                chars.get(),
                hits.sum(),
                misses.sum(),
                clears.sum());
    }

    /** The bank's figures or targets changed: every answer kept for it is old. */
    public void invalidate(long bankId) {
        generation(bankId).incrementAndGet();
    }

    private AtomicLong generation(long bankId) {
        return generations.computeIfAbsent(bankId, b -> new AtomicLong());
    }
}
