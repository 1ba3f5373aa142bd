package sunshine.check;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;
import sunshine.shared.Today;
import sunshine.transfer.XlsxGuard;

/**
 * Dated snapshots of the core system's data (issue 6 point 1, §4). An upload is read as a stream, every row
 * checked and copied with COPY into check_row (refused rows too, with their reasons), then duplicates are
 * found in SQL; all in one transaction. The snapshot's identity is (bank, kind, as-of date, file SHA-256):
 * the same file again for the same date changes nothing and says so.
 */
@Service
public class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    /** A ledger of a million loans is about 200 MB of sheet XML; ten times that is refused as a zip bomb. */
    static final long UNCOMPRESSED_LIMIT = 2048L << 20;

    /** What an upload did: the snapshot, and whether the same file had already been loaded for that date. */
    public record Upload(Snapshot snapshot, boolean alreadyLoaded) {}

    /** One row as the refused-rows list shows it (IDs masked). */
    public record Row(int rowNo, String status, String loanNo, String residentIdMasked, String reasons) {}

    /**
     * One row with every cell as uploaded, under its column (the evidence a finding or a removal points to);
     * resident IDs masked.
     */
    public record RowDetail(int rowNo, String status, String reasons, List<Cell> cells) {}

    /** A cell of a {@link RowDetail}. */
    public record Cell(SnapshotField field, String value) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final DataScope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ScopeBranches scopeBranches;
    private final Path dir;
    /** One load at a time: a million-row ledger takes a core of its own, and loads of one bank follow each other. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "check-snapshot");
        t.setDaemon(true);
        return t;
    });
    /** Rows read so far, per snapshot LOADING in this process. */
    private final Map<Long, AtomicLong> progress = new ConcurrentHashMap<>();

    Snapshots(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate tx,
            DataScope scope,
            AuditLog audit,
            ApplicationEventPublisher events,
            ScopeBranches scopeBranches,
            @Value("${sunshine.imports.dir:./data/imports}") Path dir) {
        this.events = events;
        this.scopeBranches = scopeBranches;
        this.dir = dir.resolve("snapshots");
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * Keeps a file (xlsx or UTF-8 CSV, by its content) as the caller's snapshot of that kind and date, and loads it
     * in the background: the answer comes at once with the snapshot LOADING, whose page shows the rows read so far.
     * The same file again for the same date is the same snapshot (already loaded, or still loading); one that failed
     * is loaded again under its id.
     */
    public Upload upload(SnapshotKind kind, LocalDate asOf, String fileName, InputStream content) {
        CurrentUser u = scope.user();
        Upload up = keep(u.bankId(), u.staffId(), u.name(), u.scopePath(), kind, asOf, fileName, content);
        if (!up.alreadyLoaded()) {
            long id = up.snapshot().id();
            progress.put(id, new AtomicLong());
            try {
                worker.submit(() -> loadKept(id, u.name()));
            } catch (RuntimeException e) {
                progress.remove(id);
                fail(id, "check.error.unreadable", List.of(e.getClass().getSimpleName()));
                throw e;
            }
        }
        return up;
    }

    /**
     * The same for loaders without a signed-in user (the demo, tests): as if uploaded at the given branch, loaded in
     * the calling thread; a file that cannot be loaded throws its reason.
     */
    public Upload loadAsBranch(
            long bankId, long branchId, SnapshotKind kind, LocalDate asOf, String fileName, InputStream in) {
        String path = jdbc.sql("select path from branch where bank_id = :b and id = :br")
                .param("b", bankId)
                .param("br", branchId)
                .query(String.class)
                .single();
        Upload up = keep(bankId, null, "system", path, kind, asOf, fileName, in);
        if (up.alreadyLoaded()) {
            return up;
        }
        long id = up.snapshot().id();
        progress.put(id, new AtomicLong());
        loadKept(id, "system");
        Snapshot s = get(bankId, id);
        if (s.status() == Snapshot.Status.FAILED) {
            throw new BusinessException(s.errorKey(), s.errorArgs().toArray());
        }
        return new Upload(s, false);
    }

    /** Waits (for tests and scripts) until a snapshot has left LOADING, or the time is up. */
    public Snapshot await(long id, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        Snapshot s = get(id);
        while (s.status() == Snapshot.Status.LOADING && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            s = get(id);
        }
        return s;
    }

    /** Rows read and checked so far of a snapshot that is LOADING (0 when it is not). */
    public long progress(long id) {
        AtomicLong p = progress.get(id);
        return p == null ? 0 : p.get();
    }

    /** A snapshot of at least this many rows refreshes the planner's statistics of check_row before it is checked. */
    static final int ANALYZE_AFTER = 20_000;

    /**
     * In the request: the checks that need no reading (kind, date, a safe xlsx), the file kept on disk under its
     * SHA-256, and the snapshot row LOADING, committed so that its page can follow the load.
     */
    private Upload keep(
            long bankId,
            Long staffId,
            String staffName,
            String scopePath,
            SnapshotKind kind,
            LocalDate asOf,
            String fileName,
            InputStream content) {
        if (kind == null || asOf == null) {
            throw new BusinessException("check.error.kindAndDate");
        }
        if (asOf.isAfter(Today.date().plusDays(1))) {
            throw new BusinessException("check.error.future");
        }
        String name = fileName == null || fileName.isBlank()
                ? "upload"
                : Path.of(fileName).getFileName().toString();
        name = name.length() > 255 ? name.substring(0, 255) : name;
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "snapshot-", ".upload");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, digest)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Snapshot same = find(bankId, kind, asOf, sha);
            if (same != null && same.status() != Snapshot.Status.FAILED) {
                return new Upload(same, true);
            }
            if (isZip(tmp)) {
                new XlsxGuard(UNCOMPRESSED_LIMIT).inspect(tmp);
            }
            Path file = tmp;
            Long id;
            if (same != null) {
                // the same file failed before (or was cut off): load it again under the same snapshot
                id = jdbc.sql("""
                        update check_snapshot set status = 'LOADING', error_key = null, error_args = null,
                               file_path = :f, file_name = :n, staff_id = :s, scope_path = :p, created_at = now()
                         where id = :id and status = 'FAILED' returning id""")
                        .param("f", file.toString())
                        .param("n", name)
                        .param("s", staffId)
                        .param("p", scopePath)
                        .param("id", same.id())
                        .query(Long.class)
                        .optional()
                        .orElse(null);
                if (id == null) {
                    return new Upload(find(bankId, kind, asOf, sha), true);
                }
            } else {
                try {
                    id = jdbc.sql("""
                            insert into check_snapshot (bank_id, kind, as_of, file_name, file_sha256, scope_path,
                                                        staff_id, status, file_path)
                            values (:b, :k, :d, :n, :sha, :p, :s, 'LOADING', :f) returning id""")
                            .param("b", bankId)
                            .param("k", kind.name())
                            .param("d", asOf)
                            .param("n", name)
                            .param("sha", sha)
                            .param("p", scopePath)
                            .param("s", staffId)
                            .param("f", file.toString())
                            .query(Long.class)
                            .single();
                } catch (DuplicateKeyException e) {
                    // the same file, uploaded at the same moment by someone else
                    return new Upload(find(bankId, kind, asOf, sha), true);
                }
            }
            tmp = null; // kept: the background load deletes it
            log.info("snapshot {} ({}) kept by {}, loading", id, kind, staffName);
            return new Upload(get(bankId, id), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(tmp);
        }
    }

    /**
     * The load itself (in the worker, or in the caller for {@link #loadAsBranch}): every row read, checked and
     * copied in one transaction that also marks the snapshot LOADED; nothing is kept of a file that fails, and the
     * snapshot says why. Then fresh statistics for a big one, and {@link SnapshotLoaded} for the checks.
     */
    private void loadKept(long id, String staffName) {
        long started = System.currentTimeMillis();
        Map<String, Object> s = jdbc.sql("select bank_id, staff_id, scope_path, kind, as_of, file_name, file_path"
                        + " from check_snapshot where id = :id and status = 'LOADING'")
                .param("id", id)
                .query()
                .singleRow();
        long bankId = ((Number) s.get("bank_id")).longValue();
        Long staffId = s.get("staff_id") == null ? null : ((Number) s.get("staff_id")).longValue();
        SnapshotKind kind = SnapshotKind.valueOf((String) s.get("kind"));
        LocalDate asOf = ((java.sql.Date) s.get("as_of")).toLocalDate();
        Path file = Path.of((String) s.get("file_path"));
        try {
            tx.executeWithoutResult(t -> {
                store(
                        id,
                        bankId,
                        staffId,
                        staffName,
                        (String) s.get("scope_path"),
                        kind,
                        asOf,
                        (String) s.get("file_name"),
                        file,
                        started);
                // in the same transaction: the snapshot shows LOADED together with what the checks made of it
                // (findings, frozen lines), or nothing is kept and it says why
                events.publishEvent(new SnapshotLoaded(bankId, id, kind, asOf));
            });
        } catch (BusinessException e) {
            fail(
                    id,
                    e.messageKey(),
                    java.util.Arrays.stream(e.args()).map(String::valueOf).toList());
        } catch (RuntimeException e) {
            // the log masks resident IDs and phones in messages (MaskingMessageConverter)
            log.warn("Snapshot {} failed: {}", id, e.toString());
            fail(id, "check.error.unreadable", List.of(e.getClass().getSimpleName()));
        } finally {
            progress.remove(id);
            delete(file);
        }
    }

    private void fail(long id, String key, List<String> args) {
        jdbc.sql("""
                update check_snapshot set status = 'FAILED', error_key = :k, error_args = :a, file_path = null
                 where id = :id""")
                .param("k", key)
                .param(
                        "a",
                        args.stream()
                                .map(a -> a.length() > 200 ? a.substring(0, 200) : a)
                                .toArray(String[]::new))
                .param("id", id)
                .update();
        log.info("snapshot {} failed: {}", id, key);
    }

    /**
     * At start no load can still be running: the worker is a thread of this process. A snapshot left LOADING was
     * cut off by a stop or a crash (its rows are one transaction, so none is stored): it is marked failed, its kept
     * file deleted, and the same file can simply be uploaded again.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void failInterrupted() {
        for (Map<String, Object> r : jdbc.sql("select id, file_path from check_snapshot where status = 'LOADING'")
                .query()
                .listOfRows()) {
            long id = ((Number) r.get("id")).longValue();
            if (!progress.containsKey(id)) {
                fail(id, "check.error.interrupted", List.of());
                if (r.get("file_path") != null) {
                    delete(Path.of((String) r.get("file_path")));
                }
                log.warn("snapshot {} was cut off by a restart: marked failed", id);
            }
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete an uploaded file: {}", e.getMessage());
            }
        }
    }

    /** Reads, checks and copies every row; marks the snapshot LOADED; returns its rows. */
    private long store(
            long id,
            long bankId,
            Long staffId,
            String staffName,
            String scopePath,
            SnapshotKind kind,
            LocalDate asOf,
            String name,
            Path file,
            long started) {
        boolean xlsx;
        try {
            xlsx = isZip(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicLong read = progress.getOrDefault(id, new AtomicLong());
        Map<String, RowCheck.Branch> branches = new HashMap<>();
        jdbc.sql("select id, code, path from branch where bank_id = :b")
                .param("b", bankId)
                .query((ResultSet rs) -> {
                    branches.put(rs.getString(2), new RowCheck.Branch(rs.getLong(1), rs.getString(3)));
                });
        RowCheck check = new RowCheck(kind, branches, scopePath);
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), RowCheck.COPY, 1 << 16);
                Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder(256);
            SnapshotReader.read(file, xlsx, kind, row -> {
                line.setLength(0);
                check.encode(line, id, row);
                try {
                    out.append(line);
                    read.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (read.get() >= ANALYZE_AFTER) {
            // statistics of the rows just copied (ANALYZE counts this transaction's own rows) before any statement
            // reads them: taken for a handful, 30,000 rows were matched against each other by nested loop for minutes
            long a = System.currentTimeMillis();
            jdbc.sql("analyze check_row").update();
            log.info("snapshot {}: statistics refreshed in {} ms", id, System.currentTimeMillis() - a);
        }
        if (kind != SnapshotKind.GUARANTEE_DEFAULT && kind != SnapshotKind.GUARANTOR_REPAID) {
            // one loan (or certificate) once per file: later rows with the same number are refused (only numbers
            // that occur more than once are touched)
            jdbc.sql("""
                    update check_row r set status = 'INVALID',
                           reasons = 'LOAN_NO:check.loan.duplicate|' || d.first_row
                      from (select loan_no, min(row_no) as first_row from check_row
                             where snapshot_id = :s and status = 'VALID' group by loan_no having count(*) > 1) d
                     where r.snapshot_id = :s and r.status = 'VALID' and r.loan_no = d.loan_no
                       and r.row_no <> d.first_row""").param("s", id).update();
        }
        jdbc.sql("""
                update check_snapshot s set rows_total = x.t, rows_valid = x.v, rows_invalid = x.t - x.v,
                       status = 'LOADED', file_path = null, load_millis = :ms
                  from (select count(*) t, count(*) filter (where status = 'VALID') v
                          from check_row where snapshot_id = :s) x
                 where s.id = :s""")
                .param("s", id)
                .param("ms", System.currentTimeMillis() - started)
                .update();
        Snapshot s = get(bankId, id);
        if (s.rowsTotal() == 0) {
            throw new BusinessException("check.error.empty");
        }
        audit.record(
                bankId,
                staffId,
                staffName,
                "CHECK_SNAPSHOT",
                "check_snapshot",
                id,
                null,
                Map.of(
                        "kind", kind.name(),
                        "asOf", asOf.toString(),
                        "file", name,
                        "valid", s.rowsValid(),
                        "refused", s.rowsInvalid()));
        log.info(
                "snapshot {} ({}) loaded: {} rows, {} refused, in {} ms",
                id,
                kind,
                s.rowsTotal(),
                s.rowsInvalid(),
                System.currentTimeMillis() - started);
        return s.rowsTotal();
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private Snapshot find(long bankId, SnapshotKind kind, LocalDate asOf, String sha) {
        return jdbc.sql(
                        "select * from check_snapshot where bank_id = :b and kind = :k and as_of = :d and file_sha256 = :sha")
                .param("b", bankId)
                .param("k", kind.name())
                .param("d", asOf)
                .param("sha", sha)
                .query(Snapshots::map)
                .optional()
                .orElse(null);
    }

    private Snapshot get(long bankId, long id) {
        return jdbc.sql("select * from check_snapshot where id = :id and bank_id = :b")
                .param("id", id)
                .param("b", bankId)
                .query(Snapshots::map)
                .single();
    }

    /**
     * A snapshot the caller sees (as {@link #list}: uploaded within their subtree, or by a branch above them, whose
     * file covers their loans too), or 404 exactly as for a missing one. Of a file from above, the caller is shown
     * only the rows of their own branches ({@link #rows}).
     */
    @Transactional(readOnly = true)
    public Snapshot get(long id) {
        CurrentUser u = scope.user();
        return jdbc.sql("""
                select * from check_snapshot
                 where id = :id and bank_id = :b and (scope_path like :p or :path like scope_path || '%')""")
                .param("id", id)
                .param("b", u.bankId())
                .param("p", u.scopePath() + "%")
                .param("path", u.scopePath())
                .query(Snapshots::map)
                .optional()
                .orElseThrow(() -> scope.notFound("check_snapshot", "check_snapshot", id));
    }

    /** Whether the whole file is the caller's (uploaded within their subtree), not only the rows of their branches. */
    public boolean wholeFileInScope(Snapshot s) {
        return s.scopePath().startsWith(scope.user().scopePath());
    }

    /** The condition on check_row limiting a file uploaded above the caller to the rows of the caller's branches. */
    private ScopeBranches.Scope rowScope(Snapshot s) {
        CurrentUser u = scope.user();
        return wholeFileInScope(s)
                ? new ScopeBranches.Scope(true, List.of(-1L))
                : scopeBranches.of(u.bankId(), u.scopePath());
    }

    /**
     * The snapshots the caller sees: those uploaded within their subtree and those of the branches above them
     * (head office's ledger covers their loans too), newest first.
     */
    @Transactional(readOnly = true)
    public List<Snapshot> list(SnapshotKind kind) {
        CurrentUser u = scope.user();
        return jdbc.sql("""
                select * from check_snapshot
                 where bank_id = :b and (:k = '' or kind = :k)
                   and (scope_path like :p or :path like scope_path || '%')
                 order by as_of desc, id desc limit 200""")
                .param("b", u.bankId())
                .param("k", kind == null ? "" : kind.name())
                .param("p", u.scopePath() + "%")
                .param("path", u.scopePath())
                .query(Snapshots::map)
                .list();
    }

    /**
     * The current snapshot set of the caller's bank: per kind and uploading subtree, the latest as-of date
     * (the latest upload of that date). The bad-record rule and the certificate sorting read this set.
     */
    @Transactional(readOnly = true)
    public SnapshotSet current() {
        CurrentUser u = scope.user();
        List<Long> ids = jdbc.sql("""
                select distinct on (kind, scope_path) id from check_snapshot where bank_id = :b and status = 'LOADED'
                 order by kind, scope_path, as_of desc, id desc""").param("b", u.bankId()).query(Long.class).list();
        return new SnapshotSet(ids);
    }

    /**
     * Rows of one status (VALID or INVALID) of a snapshot, in file order; of a file uploaded above the caller, the
     * rows of their branches only.
     */
    @Transactional(readOnly = true)
    public PageResult<Row> rows(long id, String status, PageResult.Request page) {
        ScopeBranches.Scope in = rowScope(get(id));
        String st = "VALID".equals(status) ? "VALID" : "INVALID";
        long total = jdbc.sql("select count(*) from check_row where snapshot_id = :s and status = :st "
                        + in.condition("branch_id", "branches"))
                .param("s", id)
                .param("st", st)
                .param("branches", in.ids())
                .query(Long.class)
                .single();
        List<Row> items = jdbc.sql("""
                select row_no, status, loan_no, coalesce(resident_id, cells[2]), reasons from check_row
                 where snapshot_id = :s and status = :st %s order by row_no limit :l offset :o""".formatted(in.condition("branch_id", "branches")))
                .param("s", id)
                .param("st", st)
                .param("branches", in.ids())
                .param("l", page.size())
                .param("o", page.offset())
                .query((rs, n) -> new Row(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        sunshine.customer.Masking.residentId(rs.getString(4)),
                        rs.getString(5)))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /**
     * One row of a snapshot with all its cells under their columns, resident IDs masked: the evidence a finding or
     * a removal names. Empty when the file has no such row the caller may see.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<RowDetail> row(long id, int rowNo) {
        Snapshot snap = get(id);
        ScopeBranches.Scope in = rowScope(snap);
        return jdbc.sql("select row_no, status, reasons, cells from check_row where snapshot_id = :s and row_no = :r "
                        + in.condition("branch_id", "branches"))
                .param("s", id)
                .param("r", rowNo)
                .param("branches", in.ids())
                .query((rs, n) -> {
                    String[] raw = (String[]) rs.getArray(4).getArray();
                    List<Cell> cells = new java.util.ArrayList<>();
                    List<SnapshotField> fields = snap.kind().fields();
                    for (int i = 0; i < fields.size(); i++) {
                        cells.add(new Cell(fields.get(i), masked(fields.get(i), i < raw.length ? raw[i] : null)));
                    }
                    return new RowDetail(rs.getInt(1), rs.getString(2), rs.getString(3), cells);
                })
                .optional();
    }

    /** A cell as the screen shows it: resident IDs (one, or several separated by ;) masked. */
    private static String masked(SnapshotField f, String value) {
        if (value == null) {
            return "";
        }
        return switch (f) {
            case BORROWER_ID, HOLDER_ID, GUARANTOR_ID -> sunshine.customer.Masking.residentId(value.strip());
            case GUARANTORS ->
                java.util.Arrays.stream(value.split("[;；]"))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .map(sunshine.customer.Masking::residentId)
                        .collect(java.util.stream.Collectors.joining("; "));
            default -> value;
        };
    }

    private static Snapshot map(ResultSet rs, int n) throws SQLException {
        return new Snapshot(
                rs.getLong("id"),
                SnapshotKind.valueOf(rs.getString("kind")),
                rs.getObject("as_of", LocalDate.class),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                rs.getString("scope_path"),
                rs.getLong("rows_total"),
                rs.getLong("rows_valid"),
                rs.getLong("rows_invalid"),
                rs.getTimestamp("created_at").toInstant(),
                Snapshot.Status.valueOf(rs.getString("status")),
                rs.getString("error_key"),
                rs.getArray("error_args") == null
                        ? List.of()
                        : List.of((String[]) rs.getArray("error_args").getArray()),
                (Long) rs.getObject("load_millis"));
    }
}
