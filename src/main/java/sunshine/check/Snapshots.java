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
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final DataScope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Snapshots(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate tx,
            DataScope scope,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.scope = scope;
        this.audit = audit;
    }

    /** Loads a file (xlsx or UTF-8 CSV, by its name or content) as the caller's snapshot of that kind and date. */
    public Upload upload(SnapshotKind kind, LocalDate asOf, String fileName, InputStream content) {
        CurrentUser u = scope.user();
        return load(u.bankId(), u.staffId(), u.scopePath(), kind, asOf, fileName, content);
    }

    /** The same for loaders without a signed-in user (the demo): as if uploaded at the given branch. */
    public Upload loadAsBranch(
            long bankId, long branchId, SnapshotKind kind, LocalDate asOf, String fileName, InputStream in) {
        String path = jdbc.sql("select path from branch where bank_id = :b and id = :br")
                .param("b", bankId)
                .param("br", branchId)
                .query(String.class)
                .single();
        return load(bankId, null, path, kind, asOf, fileName, in);
    }

    /** A snapshot of at least this many rows refreshes the planner's statistics of check_row before it is checked. */
    static final int ANALYZE_AFTER = 20_000;

    private Upload load(
            long bankId,
            Long staffId,
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
            tmp = Files.createTempFile("snapshot-", ".upload");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, digest)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Snapshot same = find(bankId, kind, asOf, sha);
            if (same != null) {
                return new Upload(same, true);
            }
            boolean xlsx = isZip(tmp);
            if (xlsx) {
                new XlsxGuard(UNCOMPRESSED_LIMIT).inspect(tmp);
            }
            Path file = tmp;
            String shown = name;
            try {
                long id = tx.execute(s -> store(bankId, staffId, scopePath, kind, asOf, shown, sha, file, xlsx));
                Snapshot stored = get(bankId, id);
                if (stored.rowsTotal() >= ANALYZE_AFTER) {
                    // fresh statistics before the checks read it: estimated at a few thousand rows, a million-row
                    // ledger was joined to customer and household by one index look-up per loan
                    long t = System.currentTimeMillis();
                    jdbc.sql("analyze check_row").update();
                    log.info("snapshot {}: statistics refreshed in {} ms", id, System.currentTimeMillis() - t);
                }
                events.publishEvent(new SnapshotLoaded(bankId, id, kind, asOf));
                return new Upload(stored, false);
            } catch (DuplicateKeyException e) {
                // the same file, loaded at the same moment by someone else
                return new Upload(find(bankId, kind, asOf, sha), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.warn("Could not delete an uploaded file: {}", e.getMessage());
                }
            }
        }
    }

    private long store(
            long bankId,
            Long staffId,
            String scopePath,
            SnapshotKind kind,
            LocalDate asOf,
            String name,
            String sha,
            Path file,
            boolean xlsx) {
        long started = System.currentTimeMillis();
        long id = jdbc.sql("""
                insert into check_snapshot (bank_id, kind, as_of, file_name, file_sha256, scope_path, staff_id)
                values (:b, :k, :d, :n, :sha, :p, :s) returning id""")
                .param("b", bankId)
                .param("k", kind.name())
                .param("d", asOf)
                .param("n", name)
                .param("sha", sha)
                .param("p", scopePath)
                .param("s", staffId)
                .query(Long.class)
                .single();
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
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (kind != SnapshotKind.GUARANTEE_DEFAULT && kind != SnapshotKind.GUARANTOR_REPAID) {
            // one loan (or certificate) once per file: later rows with the same number are refused
            jdbc.sql("""
                    update check_row r set status = 'INVALID',
                           reasons = 'LOAN_NO:check.loan.duplicate|' || d.first_row
                      from (select row_no, min(row_no) over (partition by loan_no) first_row
                              from check_row where snapshot_id = :s and status = 'VALID') d
                     where r.snapshot_id = :s and r.row_no = d.row_no and d.row_no <> d.first_row""").param("s", id).update();
        }
        jdbc.sql("""
                update check_snapshot s set rows_total = x.t, rows_valid = x.v, rows_invalid = x.t - x.v
                  from (select count(*) t, count(*) filter (where status = 'VALID') v
                          from check_row where snapshot_id = :s) x
                 where s.id = :s""").param("s", id).update();
        Snapshot s = get(bankId, id);
        if (s.rowsTotal() == 0) {
            throw new BusinessException("check.error.empty");
        }
        audit.record(
                bankId,
                staffId,
                staffId == null ? "system" : scope.user().name(),
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
        return id;
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

    /** A snapshot uploaded within the caller's subtree, or 404 exactly as for a missing one. */
    @Transactional(readOnly = true)
    public Snapshot get(long id) {
        CurrentUser u = scope.user();
        return jdbc.sql("select * from check_snapshot where id = :id and bank_id = :b and scope_path like :p")
                .param("id", id)
                .param("b", u.bankId())
                .param("p", u.scopePath() + "%")
                .query(Snapshots::map)
                .optional()
                .orElseThrow(() -> scope.notFound("check_snapshot", "check_snapshot", id));
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
                select distinct on (kind, scope_path) id from check_snapshot where bank_id = :b
                 order by kind, scope_path, as_of desc, id desc""").param("b", u.bankId()).query(Long.class).list();
        return new SnapshotSet(ids);
    }

    /** Rows of one status (VALID or INVALID) of a snapshot, in file order. */
    @Transactional(readOnly = true)
    public PageResult<Row> rows(long id, String status, PageResult.Request page) {
        get(id);
        String st = "VALID".equals(status) ? "VALID" : "INVALID";
        long total = jdbc.sql("select count(*) from check_row where snapshot_id = :s and status = :st")
                .param("s", id)
                .param("st", st)
                .query(Long.class)
                .single();
        List<Row> items = jdbc.sql("""
                select row_no, status, loan_no, coalesce(resident_id, cells[2]), reasons from check_row
                 where snapshot_id = :s and status = :st order by row_no limit :l offset :o""")
                .param("s", id)
                .param("st", st)
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
                rs.getTimestamp("created_at").toInstant());
    }
}
