package sunshine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import sunshine.dashboard.FigureCache;
import sunshine.dashboard.FiguresRefresh;
import sunshine.demo.DemoBank;
import sunshine.shared.Today;

/**
 * Dashboards at size (issue 8, "Speed"): N customers (default 30,000; the size is 1,000,000) in households of
 * about three people over 900 villages, most households with a current review result; the figures refreshed once
 * (timed); then 50 concurrent users (head office and branch heads, each signed in through the login form) drive the
 * dashboard pages over HTTP against the running application, and the latency of every request is reported as p50,
 * p95 and p99, overall and per page; last the full CRM extract and the batch template are timed. Run with
 * {@code ./bench dashboard 100000} (heap capped at 512 MB).
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sunshine.demo.customers=0", "sunshine.dashboard.refresh=PT10M"})
@ActiveProfiles("test")
class DashboardBenchmark {

    static final int USERS = 50;
    static final int REQUESTS_PER_USER = 100;
    static final int WARM_UP = 20;
    static final int MAX_WARM_UP_ROUNDS = 20;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    static {
        // the benchmark's users keep their connections open: HttpURLConnection keeps 5 per host unless told more
        System.setProperty("http.maxConnections", "100");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FiguresRefresh refresh;

    @Autowired
    FigureCache cache;

    @Test
    void dashboardsAtSize() throws Exception {
        int customers = Integer.getInteger("bench.rows", 30_000);
        long bank = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .single();
        long t = System.currentTimeMillis();
        generate(bank, customers);
        long filed = jdbc.sql("select count(*) from customer where bank_id = :b")
                .param("b", bank)
                .query(Long.class)
                .single();
        System.out.printf(
                Locale.ROOT,
                "generated %,d customers in %,d households over 900 villages in %.1f s%n",
                filed,
                jdbc.sql("select count(*) from household where bank_id = :b")
                        .param("b", bank)
                        .query(Long.class)
                        .single(),
                (System.currentTimeMillis() - t) / 1000.0);

        t = System.currentTimeMillis();
        refresh.refresh(bank);
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD refresh of the precomputed figures: %,d ms (load %s)%n",
                System.currentTimeMillis() - t,
                Measure.loadAverage());

        explainDrillDown(bank);

        // the bench villages of each branch (ids are not in village order: read each village's branch)
        Map<Long, List<Long>> areas = new TreeMap<>();
        jdbc.sql("select branch_id, id from area where bank_id = :b and name like '基准村%' order by id")
                .param("b", bank)
                .query(rs -> {
                    areas.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        List<Long> branches = new ArrayList<>(areas.keySet());
        List<HttpClient> clients = new ArrayList<>();
        List<Long> homes = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = u % 2 == 0 ? "ho_bd" : String.format(Locale.ROOT, "b%02d_head", 1 + (u / 2) % 18);
            clients.add(login(user));
            homes.add(jdbc.sql("select s.branch_id from user_account u join staff s on s.id = u.staff_id"
                            + " where lower(u.username) = :u")
                    .param("u", user)
                    .query(Long.class)
                    .single());
        }
        // warm up, not measured: rounds of every user asking WARM_UP pages, until the JIT compiler has settled (it
        // spent under a tenth of a round's wall time compiling) or MAX_WARM_UP_ROUNDS: a dashboard server runs for
        // days, and with a handful of warm-up requests the compiler threads took a sixth of the two cores during the
        // measured phase
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long warm = System.currentTimeMillis();
        int rounds = 0;
        long compiling;
        do {
            long roundStart = System.currentTimeMillis();
            long compiled = jit.getTotalCompilationTime();
            drive(clients, homes, WARM_UP, new ConcurrentHashMap<>(), 200, (home, i) -> page(home, i, areas, branches));
            compiling = jit.getTotalCompilationTime() - compiled;
            rounds++;
            System.out.printf(
                    Locale.ROOT,
                    "DASHBOARD warm-up round %d: %d users x %d requests in %.1f s, JIT compiling %.1f s%n",
                    rounds,
                    USERS,
                    WARM_UP,
                    (System.currentTimeMillis() - roundStart) / 1000.0,
                    compiling / 1000.0);
            if (compiling * 10 < System.currentTimeMillis() - roundStart) {
                break;
            }
        } while (rounds < MAX_WARM_UP_ROUNDS);
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD warm-up: %d rounds in %.1f s%n",
                rounds,
                (System.currentTimeMillis() - warm) / 1000.0);

        // one user alone, to tell a page's own cost from waiting for the machine
        int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
        Map<String, List<Long>> alone = new ConcurrentHashMap<>();
        Measure.Cpu before = Measure.cpu(backend);
        long serverBefore = serverCpuNanos();
        drive(clients.subList(0, 1), homes.subList(0, 1), 96, alone, 200, (home, i) -> page(home, i, areas, branches));
        printCpu("one user alone", 96, Measure.cpu(backend).minus(before), serverCpuNanos() - serverBefore);
        for (var e : new TreeMap<>(alone).entrySet()) {
            System.out.printf(
                    Locale.ROOT, "DASHBOARD one user alone: %-28s %s%n", e.getKey(), percentiles(e.getValue()));
        }

        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        before = Measure.cpu(backend);
        serverBefore = serverCpuNanos();
        long compiledBefore = jit.getTotalCompilationTime();
        t = System.currentTimeMillis();
        drive(clients, homes, REQUESTS_PER_USER, latencies, 200, (home, i) -> page(home, i, areas, branches));
        long wall = System.currentTimeMillis() - t;
        printCpu(
                USERS + " users",
                USERS * REQUESTS_PER_USER,
                Measure.cpu(backend).minus(before),
                serverCpuNanos() - serverBefore);
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD JIT compiling during the %d users: %.1f s%n",
                USERS,
                (jit.getTotalCompilationTime() - compiledBefore) / 1000.0);
        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD %d users x %d requests in %.1f s (%.0f requests/s), load %s%n",
                USERS,
                REQUESTS_PER_USER,
                wall / 1000.0,
                all.size() * 1000.0 / wall,
                Measure.loadAverage());
        System.out.printf(Locale.ROOT, "DASHBOARD all pages: %s%n", percentiles(all));
        System.out.printf(Locale.ROOT, "DASHBOARD figure cache: %s%n", cache.stats());
        List<Long> sortedAll = new ArrayList<>(all);
        Collections.sort(sortedAll);
        Measure.record(
                "dashboard: p95 of all pages, " + USERS + " users (size = requests)",
                sortedAll.size(),
                at(sortedAll, 0.95),
                null,
                Measure.peakMb(),
                "p95 0.2 s");
        for (var e : new TreeMap<>(latencies).entrySet()) {
            System.out.printf(Locale.ROOT, "DASHBOARD %-28s %s%n", e.getKey(), percentiles(e.getValue()));
        }

        // the same load while the figures refresh (every minute in production): the refresh works in PostgreSQL,
        // and at its commit every page kept is dropped and made again by whoever asks first; the users go on until
        // the refresh has committed and one round after
        Map<String, List<Long>> during = new ConcurrentHashMap<>();
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        long refreshMillis;
        try {
            Future<Long> refreshing = refresher.submit(() -> {
                long start = System.currentTimeMillis();
                refresh.refresh(bank);
                return System.currentTimeMillis() - start;
            });
            // each user goes on until the refresh has committed, then all together ask 8 pages each more (the pages
            // dropped at the commit are made again); no user waits for the others in between
            java.util.concurrent.atomic.AtomicInteger after = new java.util.concurrent.atomic.AtomicInteger();
            drive(
                    clients,
                    homes,
                    i -> !refreshing.isDone() || after.getAndIncrement() < 8 * USERS,
                    during,
                    200,
                    (home, i) -> page(home, i, areas, branches));
            refreshMillis = refreshing.get();
        } finally {
            refresher.shutdown();
        }
        List<Long> duringAll = new ArrayList<>();
        during.values().forEach(duringAll::addAll);
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD %d users while the figures refresh (the refresh took %,d ms): all pages %s%n",
                USERS,
                refreshMillis,
                percentiles(duringAll));

        // refused questions, all at once: every branch head asks for a village of the next branch (404, each attempt
        // written to the audit log); they must stay as quick as the pages, never wait for a connection
        List<HttpClient> heads = new ArrayList<>();
        List<Long> headHomes = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            if (areas.containsKey(homes.get(u))) {
                heads.add(clients.get(u));
                headHomes.add(homes.get(u));
            }
        }
        Map<String, List<Long>> refused = new ConcurrentHashMap<>();
        drive(heads, headHomes, 8, refused, 404, (home, i) -> {
            List<Long> other = areas.get(branches.get((branches.indexOf(home) + 1) % branches.size()));
            return new String[] {"refused (out of scope)", "/dashboard/coverage/areas/" + other.get(i % other.size())};
        });
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD %d branch heads at once, refused (404): %s%n",
                heads.size(),
                percentiles(refused.get("refused (out of scope)")));

        HttpClient ho = clients.get(0);
        t = System.currentTimeMillis();
        HttpResponse<java.io.InputStream> crm = ho.send(
                request("/api/v1/dashboard/crm-extract?format=csv").build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = countLines(crm.body());
        long crmMillis = System.currentTimeMillis() - t;
        Measure.record("dashboard: CRM extract, full, CSV", lines - 1, crmMillis, null, Measure.peakMb(), "1M in 60 s");
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD CRM extract, full, CSV: %,d customers in %.1f s%n",
                lines - 1,
                crmMillis / 1000.0);
        t = System.currentTimeMillis();
        HttpResponse<java.io.InputStream> xlsx = ho.send(
                request("/api/v1/dashboard/crm-extract?format=xlsx").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = xlsx.body().transferTo(java.io.OutputStream.nullOutputStream());
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD CRM extract, full, xlsx: %,d bytes in %.1f s%n",
                bytes,
                (System.currentTimeMillis() - t) / 1000.0);
        t = System.currentTimeMillis();
        HttpResponse<java.io.InputStream> batch = ho.send(
                request("/api/v1/dashboard/batch-template?format=csv").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long households = countLines(batch.body()) - 1;
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD batch template, CSV: %,d households in %.1f s%n",
                households,
                (System.currentTimeMillis() - t) / 1000.0);
        assertThat(lines - 1).isEqualTo(filed);
        assertThat(households).isPositive();
    }

    /**
     * CPU per request: the whole JVM (server and the benchmark's own HTTP clients), the web server's request threads
     * alone, and PostgreSQL. With two cores, fifty users without think time wait on each other, so the p95 they see
     * is about fifty times a request's CPU over two; this line tells which part to make cheaper.
     */
    private static void printCpu(String phase, int requests, Measure.Cpu cpu, long serverNanos) {
        System.out.printf(
                Locale.ROOT,
                "DASHBOARD CPU per request, %s: JVM %.2f ms (request threads %.2f ms), PostgreSQL %.2f ms%n",
                phase,
                cpu.jvmSeconds() * 1000 / requests,
                serverNanos / 1e6 / requests,
                cpu.databaseSeconds() * 1000 / requests);
    }

    /** CPU time of the web server's request threads (Tomcat's http-nio-…-exec-N), alive now. */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio-")) {
                long n = threads.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, n);
            }
        }
        return sum;
    }

    /**
     * The drill-down's two statements for the biggest village (400 households), as PostgreSQL runs them at this size:
     * the scoped roster of the area (as HouseholdRoster asks it, for a branch head's path) and the results of its
     * households (as CoverageBoard asks them).
     */
    private void explainDrillDown(long bank) {
        long area = jdbc.sql("select id from area where bank_id = :b and name = '基准村1'")
                .param("b", bank)
                .query(Long.class)
                .single();
        String path = jdbc.sql("select b.path from area a join branch b on b.id = a.branch_id where a.id = :a")
                .param("a", area)
                .query(String.class)
                .single();
        String ids = jdbc.sql("select string_agg(id::text, ',') from household where area_id = :a")
                .param("a", area)
                .query(String.class)
                .single();
        explain("roster", """
                select h.id, h.area_id, a.name, r.name, r.resident_id, r.address, r.phone,
                       array(select m.name || chr(31) || m.relationship from customer m
                              where m.household_id = h.id and m.id <> r.id and not m.excluded
                              order by m.birth_date, m.id) as members
                  from household h
                  join customer r on r.id = h.representative_id
                  join area a on a.id = h.area_id
                  join branch b on b.id = h.branch_id
                 where h.area_id = any('{%d}'::bigint[]) and h.active and not r.excluded
                   and b.bank_id = %d and b.path like '%s%%'
                 order by a.id, r.address, h.id""".formatted(area, bank, path));
        explain(
                "results",
                "select household_id, status, eligible, amount from review_pre_credit" + " where household_id = any('{"
                        + ids + "}'::bigint[])");
    }

    private void explain(String name, String sql) {
        for (String line : jdbc.sql("explain (analyze, buffers) " + sql)
                .query(String.class)
                .list()) {
            System.out.println("DASHBOARD plan " + name + ": " + line);
        }
    }

    /** Each user requests {@code requests} pages in turn (see the other drive), timing every request. */
    private void drive(
            List<HttpClient> clients,
            List<Long> homes,
            int requests,
            Map<String, List<Long>> latencies,
            int expected,
            java.util.function.BiFunction<Long, Integer, String[]> pages)
            throws Exception {
        drive(clients, homes, i -> i < requests, latencies, expected, pages);
    }

    /**
     * Each user requests the pages in turn while {@code more} says so for its next request number (the page chooser
     * gets the user's branch and the request number; their own subtree for branch heads), timing every request.
     */
    private void drive(
            List<HttpClient> clients,
            List<Long> homes,
            java.util.function.IntPredicate more,
            Map<String, List<Long>> latencies,
            int expected,
            java.util.function.BiFunction<Long, Integer, String[]> pages)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int u = 0; u < clients.size(); u++) {
                String session = sessionOf(clients.get(u));
                long home = homes.get(u);
                int seed = u;
                done.add(pool.submit(() -> {
                    for (int i = 0; more.test(i); i++) {
                        String[] page = pages.apply(home, seed + i);
                        long start = System.nanoTime();
                        int status = fetch(session, page[1]);
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        // every page is asked in or out of the user's scope on purpose: any other answer (a 500)
                        // fails the run loudly
                        if (status != expected) {
                            throw new IllegalStateException(page[1] + " answered " + status);
                        }
                        latencies
                                .computeIfAbsent(page[0], k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(ms);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The page a user asks for next: name and URL. Head office goes through the branches in turn; a branch head stays
     * in their own branch and its villages.
     */
    private static String[] page(long home, int i, Map<Long, List<Long>> areas, List<Long> branches) {
        long branch = areas.containsKey(home) ? home : branches.get(i % branches.size());
        List<Long> villages = areas.get(branch);
        long area = villages.get(i % 40 % villages.size());
        return switch (i % 8) {
            case 0 -> new String[] {"coverage (bank/branch)", "/dashboard/coverage"};
            case 1 -> new String[] {"coverage by manager", "/dashboard/coverage?by=MANAGER"};
            case 2 -> new String[] {"coverage areas of a branch", "/dashboard/coverage?by=AREA&branchId=" + branch};
            case 3 -> new String[] {"area drill-down", "/dashboard/coverage/areas/" + area};
            case 4 -> new String[] {"funnel", "/dashboard/funnel"};
            case 5 -> new String[] {"progress", "/dashboard/progress"};
            case 6 -> new String[] {"coverage areas, lowest first", "/dashboard/coverage?by=AREA&order=PRE_CREDIT"};
            default -> new String[] {"API coverage by branch", "/api/v1/dashboard/coverage?by=BRANCH"};
        };
    }

    /**
     * One page for a signed-in user, read to the end, on the calling thread (HttpURLConnection, kept-alive
     * connections): the pages are asked this way and not through the JDK's HttpClient, whose selector and worker
     * threads per client (fifty clients) took 22-30% as much CPU as the server's request threads on the same
     * two cores; a browser's work is on the user's own machine.
     */
    private int fetch(String session, String path) throws java.io.IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection)
                URI.create("http://localhost:" + port + path).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Cookie", "JSESSIONID=" + session);
        c.setRequestProperty("Accept-Language", "zh-CN");
        int status = c.getResponseCode();
        try (java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return status;
    }

    /** The session cookie the login form gave this client. */
    private static String sessionOf(HttpClient client) {
        return ((CookieManager) client.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("JSESSIONID"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "zh-CN");
    }

    /** Signs in through the login form (CSRF token from the page, session cookie kept by the client). */
    private HttpClient login(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("csrf token on the login page").isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(DemoBank.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(
                request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse(""))
                .as("login of " + user)
                .endsWith("/");
        return client;
    }

    static String percentiles(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "n=%,d p50=%d ms p95=%d ms p99=%d ms max=%d ms",
                sorted.size(),
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    static long countLines(java.io.InputStream in) throws java.io.IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (in) {
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Households of about three people over 900 villages; villages' survey figures a little above the filed; results. */
    private void generate(long bank, int customers) {
        BenchData.generate(jdbc, bank, Math.max(900, customers / 3), 900);
        jdbc.sql("""
                update area a set actual_households = s.n + s.n / 20 + 1
                  from (select area_id, count(*) as n from household where bank_id = :b group by area_id) s
                 where s.area_id = a.id and a.name like '基准村%'""").param("b", bank).update();
        // nine in ten households reviewed: most on the list, some sent back, some not eligible
        jdbc.sql("""
                insert into review_aggregation (bank_id, household_id, rule_set_version, status, proposed_amount, grade,
                                                eligible, explanation)
                select h.bank_id, h.id, 1, case when h.id % 17 = 0 then 'BACK_TO_PANEL' else 'COMPLETE' end,
                       10000 + (h.id % 9) * 5000, (array['AAA','AA','A','B','C'])[1 + h.id % 5], h.id % 5 <> 4,
                       cast('{}' as json)
                  from household h join area a on a.id = h.area_id
                 where h.bank_id = :b and a.name like '基准村%' and h.id % 10 <> 0""").param("b", bank).update();
        // two in three of those on the list approved (a little below the proposal), notice over; half of them signed
        // a line and drew half of it once in the last ten months (the batch template and the CRM extract read these)
        LocalDate from = Today.date().minusDays(1);
        jdbc.sql("""
                insert into credit_grantable (household_id, bank_id, area_id, approval_case_id, amount, grade,
                                              grantable_from, amount_shown, approved_at)
                select r.household_id, r.bank_id, h.area_id, r.household_id, r.proposed_amount - 1000, r.grade, :from,
                       true, now()
                  from review_aggregation r join household h on h.id = r.household_id
                 where r.bank_id = :b and r.status = 'COMPLETE' and r.eligible and r.household_id % 3 <> 0""").param("b", bank).param("from", from).update();
        jdbc.sql("""
                insert into credit_line (bank_id, branch_id, area_id, household_id, representative_id, approval_case_id,
                                         contract_no, certificate_no, limit_amount, outstanding, drawn_total, grade,
                                         term_from, term_to, signed_on)
                select g.bank_id, h.branch_id, g.area_id, g.household_id, h.representative_id, g.approval_case_id,
                       'BJ' || g.household_id, 'BZ' || g.household_id, g.amount, g.amount / 2, g.amount / 2, g.grade,
                       :from - 300, :from + 800, :from - 300
                  from credit_grantable g join household h on h.id = g.household_id
                 where g.bank_id = :b and g.household_id % 2 = 0 and h.representative_id is not null""").param("b", bank).param("from", from).update();
        jdbc.sql("""
                insert into credit_movement (bank_id, line_id, kind, amount, on_date, source, outstanding_after)
                select l.bank_id, l.id, 'DRAW', l.drawn_total, :from - (l.household_id % 300)::int, 'COUNTER',
                       l.outstanding
                  from credit_line l where l.bank_id = :b and l.contract_no like 'BJ%'""").param("b", bank).param("from", from).update();
        jdbc.sql("analyze").update();
    }
}
