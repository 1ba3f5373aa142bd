package sunshine.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;
import sunshine.transfer.XlsxGuard;

/**
 * Bulk filing from the bank's workbook (filing issue, point 7): upload (refused at once when the file is not
 * a plain xlsx), read and check every row in the background with progress, a preview of what would change,
 * and a commit that applies all valid rows in one transaction. The same file again changes nothing.
 */
@Service
public class FilingImports {

    /** New people from one import above which the planner's statistics are refreshed at commit. */
    static final int ANALYZE_AFTER = 20_000;

    private static final Logger log = LoggerFactory.getLogger(FilingImports.class);

    /** A million filing rows unpack to about 1 GB of sheet XML; more than twice that is refused as a zip bomb. */
    static final long UNCOMPRESSED_LIMIT = 2560L << 20;

    /** One staged row as the preview shows it. */
    public record Row(
            int rowNo,
            String status,
            String name,
            String residentIdMasked,
            String householdKey,
            String reasons,
            String changedFields) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final DataScope scope;
    private final AuditLog audit;
    private final FilingFields fields;
    private final Path dir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "filing-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, ImportReader.Progress> progress = new ConcurrentHashMap<>();
    private volatile Boolean loadKnownPeople;
    /** Imports whose rows are worth comparing in memory, with the load of the people filed started at upload. */
    private final Map<Long, Preload> preloaded = new ConcurrentHashMap<>();
    /** Commits started so far: a load of filed people that began before one of them is out of date. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    /** Reads and commits waiting for or running on the worker. */
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();

    /** The people filed in scope as loading began at upload (null: load them when reading starts). */
    private record Preload(java.util.concurrent.Future<KnownPeople> people, long commitsBefore) {}

    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "filing-known-people");
        t.setDaemon(true);
        return t;
    });

    /** Rows from which an import loads the people filed in scope instead of comparing every row in SQL. */
    static final long KNOWN_AFTER = 10_000;

    /** A generated filing workbook takes about this many bytes per row (fewer estimates more rows). */
    static final long XLSX_BYTES_PER_ROW = 80;

    FilingImports(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate tx,
            DataScope scope,
            AuditLog audit,
            FilingFields fields,
            @Value("${sunshine.imports.dir:./data/imports}") Path dir) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.scope = scope;
        this.audit = audit;
        this.fields = fields;
        this.dir = dir;
    }

    /** Keeps the upload, checks it is a plain xlsx, and starts reading it in the background. */
    public FilingImport upload(String fileName, InputStream content) {
        CurrentUser user = scope.user();
        Path file;
        String sha;
        Preload known;
        long started = System.currentTimeMillis();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload-", ".xlsx");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, digest)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            sha = HexFormat.of().formatHex(digest.digest());
            long kept = System.currentTimeMillis();
            known = preload(tmp, user);
            try {
                new XlsxGuard(UNCOMPRESSED_LIMIT).inspect(tmp);
                log.info("upload kept in {} ms, inspected in {} ms", kept - started, System.currentTimeMillis() - kept);
            } catch (BusinessException e) {
                if (known != null && known.people() != null) {
                    known.people().cancel(true);
                }
                Files.deleteIfExists(tmp);
                throw e;
            }
            file = tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String name = fileName == null || fileName.isBlank()
                ? "upload.xlsx"
                : Path.of(fileName).getFileName().toString();
        long id = jdbc.sql("""
                insert into filing_import (bank_id, staff_id, scope_path, file_name, file_sha256, file_path, status)
                values (:b, :s, :p, :n, :sha, :f, 'READING') returning id""")
                .param("b", user.bankId())
                .param("s", user.staffId())
                .param("p", user.scopePath())
                .param("n", name.length() > 255 ? name.substring(0, 255) : name)
                .param("sha", sha)
                .param("f", file.toString())
                .query(Long.class)
                .single();
        progress.put(id, new ImportReader.Progress());
        if (known != null) {
            preloaded.put(id, known);
        }
        work(user, () -> read(id));
        return get(id);
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public FilingImport get(long id) {
        CurrentUser u = scope.user();
        return jdbc.sql(SELECT + " where i.id = :id and i.bank_id = :b and i.scope_path like :p")
                .param("id", id)
                .param("b", u.bankId())
                .param("p", u.scopePath() + "%")
                .query(this::map)
                .optional()
                .orElseThrow(() -> scope.notFound("filing_import", "filing_import", id));
    }

    /** The latest imports the caller can see. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<FilingImport> recent() {
        CurrentUser u = scope.user();
        return jdbc.sql(SELECT + " where i.bank_id = :b and i.scope_path like :p order by i.id desc limit 20")
                .param("b", u.bankId())
                .param("p", u.scopePath() + "%")
                .query(this::map)
                .list();
    }

    /** Waits (for tests, scripts and the benchmark) until the import has left READING or COMMITTING. */
    public FilingImport await(long id, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        FilingImport i = get(id);
        while ((i.status() == FilingImport.Status.READING || i.status() == FilingImport.Status.COMMITTING)
                && System.currentTimeMillis() < end) {
            Thread.sleep(100);
            i = get(id);
        }
        return i;
    }

    /** Staged rows of one status (NEW, CHANGED, UNCHANGED, INVALID, DUPLICATE, CONFLICT), in file order. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public PageResult<Row> rows(long id, String status, PageResult.Request page) {
        get(id);
        long total = jdbc.sql("select count(*) from filing_import_row where import_id = :i and status = :s")
                .param("i", id)
                .param("s", status)
                .query(Long.class)
                .single();
        List<Row> items = jdbc.sql("""
                select row_no, status, name, coalesce(resident_id, resident_id_cell), household_key, reasons, changed_fields
                  from filing_import_row where import_id = :i and status = :s order by row_no limit :l offset :o""")
                .param("i", id)
                .param("s", status)
                .param("l", page.size())
                .param("o", page.offset())
                .query((rs, n) -> new Row(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        Masking.residentId(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Applies every valid row in one transaction, in the background; invalid rows are left out. */
    public FilingImport commit(long id) {
        FilingImport i = get(id);
        int n = jdbc.sql("update filing_import set status = 'COMMITTING' where id = :i and status = 'PREVIEW'")
                .param("i", id)
                .update();
        if (n == 0) {
            throw BusinessException.conflict(
                    "import.error.notInPreview", i.status().name());
        }
        CurrentUser user = scope.user();
        work(user, () -> apply(id));
        return get(id);
    }

    public FilingImport discard(long id) {
        get(id);
        int n = jdbc.sql(
                        "update filing_import set status = 'DISCARDED' where id = :i and status in ('PREVIEW', 'FAILED')")
                .param("i", id)
                .update();
        if (n == 0) {
            throw BusinessException.conflict(
                    "import.error.notInPreview", get(id).status().name());
        }
        jdbc.sql("delete from filing_import_row where import_id = :i")
                .param("i", id)
                .update();
        return get(id);
    }

    /** Rows read and checked so far while READING. */
    public long[] progress(long id) {
        ImportReader.Progress p = progress.get(id);
        return p == null
                ? new long[] {0, 0}
                : new long[] {p.read().get(), p.checked().get()};
    }

    // ---- the background work ----

    private void read(long id) {
        long start = System.currentTimeMillis();
        try {
            String file = jdbc.sql("select file_path from filing_import where id = :i")
                    .param("i", id)
                    .query(String.class)
                    .single();
            CurrentUser u = scope.user();
            ImportReader.Outcome outcome;
            try (Connection c = dataSource.getConnection()) {
                KnownPeople known = knownPeople(id, u);
                ImportReader.Context ctx = new ImportReader.Context(areasInScope(), fields.of(u.bankId()), known);
                c.setAutoCommit(false);
                outcome = ImportReader.read(Path.of(file), id, ctx, c, progress.get(id));
                c.commit();
                log.info(
                        "import {} read and checked {} rows ({} known and unchanged) in {} ms",
                        id,
                        outcome.rows(),
                        outcome.unchanged(),
                        System.currentTimeMillis() - start);
            }
            // fresh statistics, or the planner takes a million staged rows for a handful
            long t = System.currentTimeMillis();
            // only the columns the classifying and committing steps filter and join on: each column analysed
            // sorts its sample, and the wide text columns (names, addresses) were most of the time
            jdbc.sql(
                            "analyze " + ImportReader.partition(id)
                                    + " (import_id, row_no, status, resident_id, household_key, relationship, customer_id, area_id)")
                    .update();
            log.info("import {} analyzed in {} ms", id, System.currentTimeMillis() - t);
            tx.executeWithoutResult(s -> classify(id, outcome));
            jdbc.sql(
                            "update filing_import set status = 'PREVIEW', previewed_at = now(), read_millis = :ms where id = :i")
                    .param("ms", System.currentTimeMillis() - start)
                    .param("i", id)
                    .update();
        } catch (BusinessException e) {
            fail(id, e.messageKey(), java.util.Arrays.toString(e.args()));
        } catch (Exception e) {
            // the log masks resident IDs and phones in messages (MaskingMessageConverter)
            log.warn("Filing import {} failed: {}", id, rootMessage(e));
            fail(id, "import.error.unreadable", e.getClass().getSimpleName());
        } finally {
            progress.remove(id);
            preloaded.remove(id);
        }
    }

    /**
     * Decides whether the rows of this upload are compared with the people already filed in the uploader's scope
     * in memory ({@link KnownPeople}: unchanged rows staged at once), and starts loading them while the upload is
     * inspected. That pays only for a workbook of at least {@link #KNOWN_AFTER} rows (estimated from its size) and
     * at least a quarter as many rows as the bank has people, since loading reads every filed person of the bank;
     * a small workbook goes through the database's comparison alone, which then touches only its rows. Null when
     * not worth it. The load starts at once only when the worker is idle and no other load is held (one such table
     * in memory at a time); otherwise it is left for when reading starts ({@link #knownPeople}).
     */
    private Preload preload(Path file, CurrentUser u) throws IOException {
        Boolean forced = loadKnownPeople;
        if (forced == null) {
            long rows = Files.size(file) / XLSX_BYTES_PER_ROW;
            double people = rows < KNOWN_AFTER
                    ? 0
                    : jdbc.sql("select reltuples from pg_class where oid = 'customer'::regclass")
                            .query(Double.class)
                            .single();
            forced = rows >= KNOWN_AFTER && rows * 4 >= people;
        }
        if (!forced) {
            return null;
        }
        long before = commits.get();
        if (queued.get() > 0 || !preloaded.isEmpty()) {
            return new Preload(null, before);
        }
        return new Preload(loader.submit(() -> load(u, "upload")), before);
    }

    private KnownPeople load(CurrentUser u, String when) throws SQLException {
        long t = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection()) {
            KnownPeople known = KnownPeople.load(c, u.bankId(), u.scopePath());
            log.info(
                    "import: loaded {} people filed in scope at {} in {} ms",
                    known.size(),
                    when,
                    System.currentTimeMillis() - t);
            return known;
        }
    }

    /**
     * The people filed in scope for an import whose rows are worth comparing in memory, else null (every row is
     * then compared in SQL). The load begun at upload is used unless an import was committed since it began: it
     * could then miss what that commit changed, and the people are loaded again.
     */
    private KnownPeople knownPeople(long id, CurrentUser u) throws InterruptedException, SQLException {
        Preload p = preloaded.remove(id);
        if (p == null) {
            return null;
        }
        if (p.people() == null || commits.get() != p.commitsBefore()) {
            if (p.people() != null) {
                p.people().cancel(true);
            }
            return load(u, "reading");
        }
        long t = System.currentTimeMillis();
        try {
            KnownPeople known = p.people().get();
            log.info("import {} loaded people filed in scope, waited {} ms", id, System.currentTimeMillis() - t);
            return known;
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("import {}: people filed in scope not loaded: {}", id, rootMessage(e));
            return load(u, "reading");
        }
    }

    /** Runs a read or a commit on the worker, as the user, counting it while it waits or runs. */
    private void work(CurrentUser user, Runnable task) {
        queued.incrementAndGet();
        worker.submit(() -> {
            try {
                as(user, task);
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    /** Tests: true or false to load the people filed in scope whatever the size, null to decide by size. */
    void loadKnownPeople(Boolean load) {
        this.loadKnownPeople = load;
    }

    /**
     * At start no import can still be running: the reader is a thread of this process, and one application
     * instance serves a bank's imports. An import left READING or COMMITTING was cut off by a stop or a crash
     * (a commit is one transaction, so nothing of it is stored): it is marked failed and its staged rows are
     * dropped, so its page says so instead of waiting for ever, and the same file can simply be uploaded again.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void failInterrupted() {
        for (long id : jdbc.sql("select id from filing_import where status in ('READING', 'COMMITTING')")
                .query(Long.class)
                .list()) {
            if (!progress.containsKey(id)) {
                fail(id, "import.error.interrupted", null);
                jdbc.sql("drop table if exists " + ImportReader.partition(id)).update();
                log.warn("import {} was cut off by a restart: marked failed", id);
            }
        }
    }

    private void fail(long id, String key, String detail) {
        jdbc.sql("update filing_import set status = 'FAILED', error_key = :k, error_detail = :d where id = :i")
                .param("k", key)
                .param("d", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
                .param("i", id)
                .update();
        jdbc.sql("delete from filing_import_row where import_id = :i")
                .param("i", id)
                .update();
    }

    private Map<String, long[]> areasInScope() {
        Map<String, long[]> byCode = new HashMap<>();
        jdbc.sql("select a.id, a.branch_id, a.division_code from area a join branch b on b.id = a.branch_id"
                        + " where a.active and " + scope.condition("b"))
                .params(scope.params())
                .query((ResultSet rs) -> {
                    long[] v = {rs.getLong(1), rs.getLong(2)};
                    byCode.put("#" + rs.getLong(1), v);
                    if (rs.getString(3) != null) {
                        byCode.put(rs.getString(3), v);
                    }
                });
        return byCode;
    }

    /** Sorts the staged rows: duplicates, conflicts, then new, changed or unchanged against the files. */
    private void classify(long id, ImportReader.Outcome read) {
        CurrentUser u = scope.user();
        Map<String, Object> p = Map.of(
                "i",
                id,
                "bank",
                u.bankId(),
                "scope",
                u.scopePath() + "%",
                "dups",
                String.join(",", read.duplicateIds()));
        roomForHashJoins();
        int duplicates = read.duplicateIds().isEmpty() ? 0 : step(id, "duplicates", ImportSql.DUPLICATES, p);
        long t0 = System.currentTimeMillis();
        long[] knownPeople = jdbc.sql(ImportSql.KNOWN_PEOPLE)
                .params(p)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long known = knownPeople[0];
        log.info(
                "import {} classify known people: {} rows ({} under keys no household has) in {} ms",
                id,
                known,
                knownPeople[1],
                System.currentTimeMillis() - t0);
        // each step below scans the whole import: skip those that cannot apply (a re-import has no new people);
        // a duplicate may have been staged UNCHANGED, then only a count says how many rows are still NEW
        long newLeft = read.unchanged() > 0 && duplicates > 0
                ? jdbc.sql("select count(*) from filing_import_row where import_id = :i and status = 'NEW'")
                        .param("i", id)
                        .query(Long.class)
                        .single()
                : read.valid() - read.unchanged() - duplicates - known;
        if (newLeft > 0) {
            step(id, "new representatives", ImportSql.NEW_REPRESENTATIVES, p);
        }
        if (knownPeople[1] > 0) {
            step(id, "households of known people", ImportSql.SEVERAL_HOUSEHOLDS, p);
        }
        if (newLeft > 0) {
            step(id, "new households", ImportSql.NEW_HOUSEHOLDS, p);
        }
        long t = System.currentTimeMillis();
        jdbc.sql("""
                update filing_import f set rows_read = x.total,
                       rows_checked = x.total, new_rows = x.n, changed_rows = x.c, unchanged_rows = x.u, invalid_rows = x.inv,
                       duplicate_rows = x.d, conflict_rows = x.k
                  from (select count(*) total, count(*) filter (where status = 'NEW') n,
                               count(*) filter (where status = 'CHANGED') c, count(*) filter (where status = 'UNCHANGED') u,
                               count(*) filter (where status = 'INVALID') inv, count(*) filter (where status = 'DUPLICATE') d,
                               count(*) filter (where status = 'CONFLICT') k
                          from filing_import_row where import_id = :i) x
                 where f.id = :i""").param("i", id).update();
        log.info("import {} counted in {} ms", id, System.currentTimeMillis() - t);
        // with nothing new (a re-import) there is nothing to reserve; looking for the last NEW row would then walk
        // the whole primary key backwards, a heap visit per row
        if (jdbc.sql("select new_rows from filing_import where id = :i")
                        .param("i", id)
                        .query(Integer.class)
                        .single()
                > 0) {
            jdbc.sql(ImportSql.RESERVE_IDS).param("i", id).update();
        }
    }

    /** Joins of a million staged rows with a million customers spill to disk with the default 4 MB. */
    private void roomForHashJoins() {
        jdbc.sql("set local work_mem = '256MB'").update();
    }

    /** Runs one set-based step, logging how long it took (no data in the log, only counts). */
    private int step(long id, String name, String statement, Map<String, Object> params) {
        long t = System.currentTimeMillis();
        int rows = jdbc.sql(statement).params(params).update();
        log.info("import {} classify {}: {} rows in {} ms", id, name, rows, System.currentTimeMillis() - t);
        return rows;
    }

    /** Runs set-based steps in order, logging how long each took (no data in the log, only counts). */
    private void steps(long id, String phase, List<String> statements, Map<String, Object> params) {
        for (int n = 0; n < statements.size(); n++) {
            long t = System.currentTimeMillis();
            int rows = jdbc.sql(statements.get(n)).params(params).update();
            log.info("import {} {} step {}: {} rows in {} ms", id, phase, n + 1, rows, System.currentTimeMillis() - t);
        }
    }

    private void apply(long id) {
        commits.incrementAndGet();
        long start = System.currentTimeMillis();
        try {
            CurrentUser u = scope.user();
            long base = jdbc.sql("select coalesce(id_base, 0) from filing_import where id = :i")
                    .param("i", id)
                    .query(Long.class)
                    .single();
            Map<String, Object> p = Map.of("i", id, "bank", u.bankId(), "by", u.staffId(), "base", base);
            tx.executeWithoutResult(s -> {
                roomForHashJoins();
                steps(id, "commit", ImportSql.COMMIT, p);
                FilingImport i = get(id);
                refreshStatistics(id, i.newRows());
                jdbc.sql(
                                "update filing_import set status = 'COMMITTED', error_key = null, committed_at = now(), committed_by = :by,"
                                        + " commit_millis = :ms where id = :i")
                        .param("by", u.staffId())
                        .param("ms", System.currentTimeMillis() - start)
                        .param("i", id)
                        .update();
                audit.record(
                        "IMPORT",
                        "filing_import",
                        id,
                        null,
                        Map.of(
                                "file",
                                i.fileName(),
                                "new",
                                i.newRows(),
                                "changed",
                                i.changedRows(),
                                "unchanged",
                                i.unchangedRows(),
                                "refused",
                                i.refusedRows()));
            });
        } catch (RuntimeException e) {
            log.warn("Committing filing import {} failed: {}", id, rootMessage(e));
            jdbc.sql(
                            "update filing_import set status = 'PREVIEW', error_key = 'import.error.commitFailed' where id = :i")
                    .param("i", id)
                    .update();
        }
    }

    /**
     * After a bulk load the planner still believes the tables are as small as before, and the next import of the
     * same people joins them row by row through indexes (a re-import of 300,000 rows took 3.6 s instead of 1 s).
     * ANALYZE samples a fixed 30,000 rows, a fraction of a second; inside this transaction it counts its rows.
     */
    private void refreshStatistics(long id, long newRows) {
        if (newRows < ANALYZE_AFTER) {
            return;
        }
        long t = System.currentTimeMillis();
        jdbc.sql("analyze customer").update();
        jdbc.sql("analyze household").update();
        log.info("import {} statistics refreshed in {} ms", id, System.currentTimeMillis() - t);
    }

    /** Staged rows are kept a week for the result workbook, then their partition is dropped (the file too). */
    @org.springframework.scheduling.annotation.Scheduled(cron = "0 30 2 * * *")
    public void cleanUp() {
        String old = "created_at < now() - interval '7 days' and status in ('COMMITTED', 'DISCARDED', 'FAILED')";
        for (String f : jdbc.sql("select file_path from filing_import where file_path <> '' and " + old)
                .query(String.class)
                .list()) {
            try {
                Files.deleteIfExists(Path.of(f));
            } catch (IOException e) {
                log.warn("Could not delete an old upload: {}", e.getMessage());
            }
        }
        for (long id : jdbc.sql("select id from filing_import where " + old
                        + " and to_regclass('filing_import_row_' || id) is not null")
                .query(Long.class)
                .list()) {
            jdbc.sql("drop table if exists " + ImportReader.partition(id)).update();
        }
        jdbc.sql("update filing_import set file_path = '' where " + old).update();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void as(CurrentUser user, Runnable work) {
        CurrentUser.Holder holder = () -> user;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static final String SELECT = """
            select i.*, (select max(o.committed_at) from filing_import o where o.bank_id = i.bank_id
                          and o.file_sha256 = i.file_sha256 and o.status = 'COMMITTED' and o.id <> i.id) as same_file_at
              from filing_import i
            """;

    private FilingImport map(ResultSet rs, int n) throws SQLException {
        return new FilingImport(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                FilingImport.Status.valueOf(rs.getString("status")),
                rs.getLong("rows_read"),
                rs.getLong("rows_checked"),
                rs.getLong("new_rows"),
                rs.getLong("changed_rows"),
                rs.getLong("unchanged_rows"),
                rs.getLong("invalid_rows"),
                rs.getLong("duplicate_rows"),
                rs.getLong("conflict_rows"),
                rs.getString("error_key"),
                rs.getString("error_detail"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("committed_at")),
                (Long) rs.getObject("read_millis"),
                (Long) rs.getObject("commit_millis"),
                instant(rs.getTimestamp("same_file_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    Optional<Path> file(long id) {
        get(id);
        return jdbc.sql("select file_path from filing_import where id = :i")
                .param("i", id)
                .query(String.class)
                .optional()
                .map(Path::of);
    }
}
