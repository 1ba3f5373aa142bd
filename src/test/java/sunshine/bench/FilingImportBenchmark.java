package sunshine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import sunshine.customer.FilingImport;
import sunshine.customer.FilingImports;
import sunshine.demo.FilingDataGenerator;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/**
 * The filing import at size (filing issue, "Speed"): prints, in one run, the full import of a generated
 * workbook (read, check, preview, commit), the re-import of the same file, the time only to read the
 * workbook, and a plain PostgreSQL COPY of the same rows into a table like {@code customer}. Run with
 * {@code ./bench filing 1000000} (heap capped at 512 MB); CI runs a small size.
 */
@Tag("benchmark")
@SpringBootTest(properties = "sunshine.demo.customers=0")
@ActiveProfiles("test")
class FilingImportBenchmark {

    @Autowired
    FilingImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    record Line(String operation, long rows, long millis, long peakHeapMb) {}

    @Test
    void importAtSize(@TempDir Path dir) throws Exception {
        int rows = Integer.getInteger("bench.rows", 20_000);
        List<Line> lines = new ArrayList<>();
        Path file = dir.resolve("filing-" + rows + ".xlsx");
        long t = System.currentTimeMillis();
        var summary = FilingDataGenerator.write(file, FilingDataGenerator.Options.of(rows));
        System.out.printf(
                Locale.ROOT,
                "generated %,d rows (%,d households, %s bad) in %.1f s, %,d MB%n",
                rows,
                summary.households(),
                summary.bad(),
                (System.currentTimeMillis() - t) / 1000.0,
                Files.size(file) >> 20);

        actAsHeadOffice();
        Measure.resetPeaks();
        t = System.currentTimeMillis();
        long readRows = 0;
        // from the file, not a stream: given a stream, fastexcel-reader holds the whole zip in memory
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                var stream = wb.getFirstSheet().openStream()) {
            for (var it = stream.iterator(); it.hasNext(); ) {
                Row r = it.next();
                for (int c = 0; c < r.getCellCount(); c++) {
                    r.getCellRawValue(c);
                }
                readRows++;
            }
        }
        lines.add(new Line(
                "read workbook only (fastexcel-reader)",
                readRows - 1,
                System.currentTimeMillis() - t,
                Measure.peakMb()));

        Measure.resetPeaks();
        t = System.currentTimeMillis();
        FilingImport first = upload(file);
        long previewAt = System.currentTimeMillis();
        lines.add(new Line("upload + read + check + preview", first.totalRows(), previewAt - t, Measure.peakMb()));
        assertThat(first.status()).isEqualTo(FilingImport.Status.PREVIEW);
        FilingImport committed = commit(first.id());
        lines.add(new Line(
                "commit (one transaction)",
                committed.newRows() + committed.changedRows(),
                System.currentTimeMillis() - previewAt,
                Measure.peakMb()));
        lines.add(new Line(
                "FULL IMPORT (read, check, preview, commit)",
                first.totalRows(),
                System.currentTimeMillis() - t,
                Measure.peakMb()));
        System.out.printf(
                Locale.ROOT,
                "first import: %,d new, %,d refused (invalid %,d, duplicate %,d, conflict %,d)%n",
                first.newRows(),
                first.refusedRows(),
                first.invalidRows(),
                first.duplicateRows(),
                first.conflictRows());

        Measure.resetPeaks();
        t = System.currentTimeMillis();
        FilingImport again = upload(file);
        FilingImport againDone = again.newRows() + again.changedRows() == 0 ? again : commit(again.id());
        lines.add(new Line(
                "RE-IMPORT of the unchanged file",
                again.totalRows(),
                System.currentTimeMillis() - t,
                Measure.peakMb()));
        System.out.printf(
                Locale.ROOT,
                "re-import: %,d new, %,d changed, %,d unchanged%n",
                again.newRows(),
                again.changedRows(),
                again.unchangedRows());
        assertThat(again.newRows() + again.changedRows()).isZero();
        assertThat(againDone).isNotNull();

        Line baseline = copyBaseline(first.id());
        lines.add(baseline);
        print(lines);
        for (Line l : lines) {
            if (l.operation().startsWith("FULL") || l.operation().startsWith("RE-IMPORT")) {
                Measure.record(
                        "filing: " + l.operation(),
                        l.rows(),
                        l.millis(),
                        baseline.millis(),
                        l.peakHeapMb(),
                        l.operation().startsWith("FULL") ? "1M in 60 s" : "1M in 30 s");
            }
        }
    }

    /** A plain COPY of the same rows into a table shaped like customer (same columns and indexes). */
    private Line copyBaseline(long importId) throws Exception {
        jdbc.sql("drop table if exists bench_customer").update();
        jdbc.sql("create table bench_customer (like customer including defaults including indexes)")
                .update();
        Path csv = Files.createTempFile("bench", ".csv");
        try (Connection c = dataSource.getConnection();
                var out = Files.newOutputStream(csv)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    COPY (select nextval('customer_id_seq'), 1, branch_id, area_id, 1, relationship, resident_id, name,
                                 gender, birth_date, phone, address, customer_type, occupation, employer, residence,
                                 case when residence = 'NON_LOCAL' then business_place end, 'IMPORT', '{}', name_keys
                            from filing_import_row where import_id = %d and status = 'NEW') TO STDOUT""".formatted(importId), out);
        }
        Measure.resetPeaks();
        long t = System.currentTimeMillis();
        long n;
        try (Connection c = dataSource.getConnection();
                InputStream in = Files.newInputStream(csv)) {
            n = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY bench_customer (id, bank_id, branch_id, area_id, household_id, relationship, resident_id, name,
                         gender, birth_date, phone, address, customer_type, occupation, employer, residence,
                         business_place, data_source, extra, name_keys) FROM STDIN""", in);
        }
        long ms = System.currentTimeMillis() - t;
        Files.deleteIfExists(csv);
        jdbc.sql("drop table bench_customer").update();
        return new Line("baseline: plain COPY of the same rows into a customer-like table", n, ms, Measure.peakMb());
    }

    private FilingImport upload(Path file) throws Exception {
        FilingImport i;
        try (InputStream in = Files.newInputStream(file)) {
            i = imports.upload(file.getFileName().toString(), in);
        }
        return imports.await(i.id(), 30 * 60_000);
    }

    private FilingImport commit(long id) throws Exception {
        imports.commit(id);
        return imports.await(id, 30 * 60_000);
    }

    private void actAsHeadOffice() {
        long bank = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .single();
        long hq = jdbc.sql("select id from branch where bank_id = :b and kind = 'HEAD_OFFICE'")
                .param("b", bank)
                .query(Long.class)
                .single();
        long staff = jdbc.sql("select staff_id from user_account where username = 'ho_bd'")
                .query(Long.class)
                .single();
        CurrentUser user = new CurrentUser(
                staff,
                bank,
                hq,
                "BENCH",
                "benchmark",
                "ho_bd",
                "/" + hq + "/",
                EnumSet.of(Role.HO_BUSINESS_DEVELOPMENT));
        CurrentUser.Holder holder = () -> user;
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder, null, List.of()));
    }

    private static void print(List<Line> lines) {
        long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "FILING IMPORT BENCHMARK (JVM heap cap %,d MB, %d cores, load average at the end %s)%n",
                maxHeap,
                Runtime.getRuntime().availableProcessors(),
                Measure.loadAverage());
        System.out.printf(
                Locale.ROOT, "%-66s %12s %10s %12s %14s%n", "operation", "rows", "seconds", "rows/s", "peak heap MB");
        for (Line l : lines) {
            System.out.printf(
                    Locale.ROOT,
                    "%-66s %,12d %10.1f %,12d %14d%n",
                    l.operation(),
                    l.rows(),
                    l.millis() / 1000.0,
                    l.millis() == 0 ? 0 : l.rows() * 1000 / l.millis(),
                    l.peakHeapMb());
        }
        System.out.println();
    }
}
