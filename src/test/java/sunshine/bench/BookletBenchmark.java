package sunshine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import sunshine.review.BookletFiles;
import sunshine.review.BookletPrint;
import sunshine.review.Booklets;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/**
 * Booklets for a whole bank (issue 4, "Speed"): every panel's five copies as xlsx, one panel's five PDFs of 400
 * households, every panel's five PDFs; each through the real path (print, i.e. record or reuse a version, then
 * render into the bank's zip). Data made with SQL into a fresh embedded database: {@code bench.households}
 * households (default 300,000) in {@code bench.panels} villages with one confirmed panel of five each (default
 * 0.3% of the households: 900), the first village exactly 400 households; 0-4 members beside each
 * representative, one person in 40-50 excluded. Run with {@code ./bench booklets 300000} (heap capped at 512 MB);
 * CI runs {@code ./bench booklets 3000}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "sunshine.demo.customers=0")
@ActiveProfiles("test")
class BookletBenchmark {

    static final int FIRST_VILLAGE = 400;

    @Autowired
    Booklets booklets;

    @Autowired
    JdbcClient jdbc;

    record Line(String operation, long panels, long copies, long households, long millis, long mb, long heapMb) {}

    @Test
    void bookletsForAWholeBank() throws Exception {
        int households = Integer.getInteger("bench.households", 300_000);
        int panels = Integer.getInteger("bench.panels", Math.max(2, households * 3 / 1000));
        assertThat(households).isGreaterThanOrEqualTo(FIRST_VILLAGE + panels - 1);
        long bank = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .single();
        long hq = jdbc.sql("select id from branch where bank_id = :b and kind = 'HEAD_OFFICE'")
                .param("b", bank)
                .query(Long.class)
                .single();
        // the demo bank's own confirmed panels (a few, even without demo customers) are printed too
        long demoPanels = jdbc.sql("select count(*) from panel where bank_id = :b and status = 'CONFIRMED'")
                .param("b", bank)
                .query(Long.class)
                .single();
        long t = System.currentTimeMillis();
        BenchData.generate(jdbc, bank, households, panels);
        long people =
                jdbc.sql("select count(*) from customer").query(Long.class).single();
        System.out.printf(
                Locale.ROOT,
                "generated %,d households (%,d people) in %,d villages with a panel of five each, in %.1f s%n",
                households,
                people,
                panels,
                (System.currentTimeMillis() - t) / 1000.0);
        long staff = jdbc.sql("select staff_id from user_account where username = 'ho_bd'")
                .query(Long.class)
                .single();
        actAsHeadOffice(staff, bank, hq);
        List<Line> lines = new ArrayList<>();

        Measure.resetPeaks();
        t = System.currentTimeMillis();
        Counting xlsx = new Counting();
        int zipped = booklets.branchZip(hq, Set.of(Booklets.Format.XLSX), xlsx);
        lines.add(new Line(
                "ALL XLSX: every panel printed (version recorded), 5 copies each, one zip",
                zipped,
                zipped * 5L,
                households,
                System.currentTimeMillis() - t,
                xlsx.bytes >> 20,
                Measure.peakMb()));
        assertThat(zipped).isEqualTo(panels + demoPanels);
        long versionsAfterFirstPass =
                jdbc.sql("select count(*) from booklet_print").query(Long.class).single();

        long first = jdbc.sql("select p.id from panel p join panel_area pa on pa.panel_id = p.id"
                        + " join area a on a.id = pa.area_id where a.name = '基准村1'")
                .query(Long.class)
                .single();
        Measure.resetPeaks();
        t = System.currentTimeMillis();
        BookletPrint p = booklets.print(first);
        BookletFiles files = booklets.files(first, p.version());
        Counting one = new Counting();
        for (int copy = 1; copy <= 5; copy++) {
            files.write(copy, Booklets.Format.PDF, one);
        }
        lines.add(new Line(
                "ONE PANEL'S FIVE PDFS of " + p.households() + " households (print, 5 downloads)",
                1,
                5,
                p.households(),
                System.currentTimeMillis() - t,
                one.bytes >> 20,
                Measure.peakMb()));
        // one representative in 50 is excluded (BenchData)
        assertThat(p.households()).isBetween(FIRST_VILLAGE - 20, FIRST_VILLAGE);

        Measure.resetPeaks();
        t = System.currentTimeMillis();
        Counting pdf = new Counting();
        zipped = booklets.branchZip(hq, Set.of(Booklets.Format.PDF), pdf);
        lines.add(new Line(
                "ALL PDFS: every panel printed (version reused), 5 copies each, one zip",
                zipped,
                zipped * 5L,
                households,
                System.currentTimeMillis() - t,
                pdf.bytes >> 20,
                Measure.peakMb()));
        long versions =
                jdbc.sql("select count(*) from booklet_print").query(Long.class).single();
        assertThat(versions).as("the second pass reuses every version").isEqualTo(versionsAfterFirstPass);
        assertThat(versionsAfterFirstPass)
                .as("every panel has a printed version")
                .isGreaterThanOrEqualTo(panels);
        print(lines);
    }

    private static void actAsHeadOffice(long staff, long bank, long hq) {
        CurrentUser user = new CurrentUser(
                staff,
                bank,
                hq,
                "BENCH",
                "benchmark",
                "bench",
                "/" + hq + "/",
                EnumSet.of(Role.HO_BUSINESS_DEVELOPMENT));
        CurrentUser.Holder holder = () -> user;
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        holder, null, List.of(() -> "ROLE_" + Role.HO_BUSINESS_DEVELOPMENT.name())));
    }

    /** Counts what is written and drops it: the zips are not kept. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static void print(List<Line> lines) {
        for (Line l : lines) {
            Measure.record(
                    "booklets: "
                            + l.operation()
                                    .substring(
                                            0,
                                            l.operation().indexOf(':') > 0
                                                    ? l.operation().indexOf(':')
                                                    : l.operation().length()),
                    l.households(),
                    l.millis(),
                    null,
                    l.heapMb(),
                    l.operation().startsWith("ALL XLSX")
                            ? "300k in 120 s"
                            : l.operation().startsWith("ONE") ? "10 s" : "-");
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "BOOKLET BENCHMARK (JVM heap cap %,d MB, %d cores, load average at the end %s)%n",
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                Measure.loadAverage());
        System.out.printf(
                Locale.ROOT,
                "%-74s %7s %7s %10s %9s %8s %13s%n",
                "operation",
                "panels",
                "copies",
                "households",
                "seconds",
                "MB out",
                "peak heap MB");
        for (Line l : lines) {
            System.out.printf(
                    Locale.ROOT,
                    "%-74s %,7d %,7d %,10d %9.1f %8d %13d%n",
                    l.operation(),
                    l.panels(),
                    l.copies(),
                    l.households(),
                    l.millis() / 1000.0,
                    l.mb(),
                    l.heapMb());
        }
        System.out.println();
    }
}
