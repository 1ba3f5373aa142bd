package sunshine.publicity.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A small in-memory limiter per client address for the public page: at most {@link #PAGES} page views and
 * {@link #COMPLAINTS} complaints per address in a sliding window. Enough for one server; kept in memory only.
 */
@Component
class RateLimiter {

    static final int PAGES = 60;
    static final long PAGE_WINDOW_MS = 60_000;
    static final int COMPLAINTS = 5;
    static final long COMPLAINT_WINDOW_MS = 3_600_000;
    private static final int MAX_CLIENTS = 100_000;

    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();

    boolean allowPage(String client) {
        return allow("p:" + client, PAGES, PAGE_WINDOW_MS);
    }

    boolean allowComplaint(String client) {
        return allow("c:" + client, COMPLAINTS, COMPLAINT_WINDOW_MS);
    }

    private boolean allow(String key, int max, long windowMs) {
        long now = System.currentTimeMillis();
        if (hits.size() > MAX_CLIENTS) {
            prune(now);
        }
        Deque<Long> q = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() < now - windowMs) {
                q.pollFirst();
            }
            if (q.size() >= max) {
                return false;
            }
            q.addLast(now);
            return true;
        }
    }

    private void prune(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = hits.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> q = it.next().getValue();
            synchronized (q) {
                if (q.isEmpty() || q.peekLast() < now - COMPLAINT_WINDOW_MS) {
                    it.remove();
                }
            }
        }
    }
}
