package sunshine.review.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sunshine.review.ReviewRules;
import sunshine.review.aggregation.Aggregation;
import sunshine.review.aggregation.AggregationResult;
import sunshine.review.aggregation.AggregationStatus;
import sunshine.review.aggregation.Estimate;
import sunshine.review.aggregation.FenAggregation;
import sunshine.review.aggregation.Figure;
import sunshine.review.aggregation.HouseholdFile;
import sunshine.review.aggregation.RuleSet;

/**
 * Aggregates and rates every household of a bank in one pass (R19-R21): the estimates stream out of PostgreSQL
 * ordered by household (COPY TO STDOUT), each household goes through the pure {@link Aggregation}, and the
 * results with their explanations stream back in (COPY FROM STDIN) on another connection while the reading
 * goes on. Memory holds one household at a time. All results of a run commit together or not at all.
 */
@Service
public class AggregationBatch {

    /**
     * Where the estimates and the household files come from: constant SQL of the calling code, never user input,
     * listing households of the one bank being run only.
     * Estimates: household_id, seat, member_id, member_household_id, assets, liabilities, gross_income,
     * net_income, suggested, do_not_recommend, keyed_by, verified_by, ordered by household_id, seat.
     * Files (may be null): household_id, representative_age, customer_type, residence, members, ordered by
     * household_id.
     */
    public record Source(String estimatesSql, String filesSql) {}

    /** What a run did. */
    public record Run(
            long id,
            long bankId,
            int ruleSetVersion,
            long estimates,
            long households,
            long complete,
            long backToPanel,
            long ineligible) {}

    static final String COLUMNS = "bank_id, household_id, run_id, rule_set_version, status, assets, liabilities,"
            + " gross_income, net_income, suggested, proposed_amount, band, score, grade, eligible, explanation";

    private static final int FLUSH_AT = 1 << 18;

    private static final Figure[] FIGURES = Figure.values();

    /** Households aggregated before they go to the writer thread together. */
    private static final int BATCH = 256;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ReviewRules reviewRules;

    AggregationBatch(DataSource dataSource, JdbcClient jdbc, ReviewRules reviewRules) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.reviewRules = reviewRules;
    }

    /** Aggregates every household the source lists under the bank's current rules. */
    public Run run(long bankId, Source source, Long startedBy) throws SQLException {
        return run(bankId, source, startedBy, null, done -> {});
    }

    /**
     * As {@link #run(long, Source, Long)}, recording the panel the run was for (null: the whole bank) and telling
     * {@code progress} how many households are done every few thousand households.
     */
    public Run run(long bankId, Source source, Long startedBy, Long panelId, java.util.function.LongConsumer progress)
            throws SQLException {
        RuleSet rules = reviewRules.current(bankId);
        java.sql.Timestamp started = java.sql.Timestamp.from(java.time.Instant.now());
        long runId = jdbc.sql("select nextval('review_aggregation_run_id_seq')")
                .query(Long.class)
                .single();
        Counts counts = new Counts();
        try (Connection estimatesConnection = dataSource.getConnection();
                Connection filesConnection = dataSource.getConnection();
                Connection resultsConnection = dataSource.getConnection()) {
            CopyIn in = resultsConnection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY review_aggregation (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
            CopyOut estimates = null;
            CopyOut files = null;
            Writer writer = new Writer(in, runId);
            try {
                estimates = estimatesConnection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut("COPY (" + source.estimatesSql() + ") TO STDOUT (FORMAT binary)");
                if (source.filesSql() != null) {
                    files = filesConnection
                            .unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyOut("COPY (" + source.filesSql() + ") TO STDOUT (FORMAT binary)");
                }
                FileCursor fileCursor = new FileCursor(files);
                stream(rules, runId, new BinaryRows(estimates), fileCursor, writer, counts, progress);
                fileCursor.drain(); // files of households without estimates
                writer.finish();
                in.endCopy();
            } catch (SQLException | RuntimeException e) {
                writer.abandon();
                cancel(in, estimates, files);
                throw e;
            }
        }
        jdbc.sql("""
                insert into review_aggregation_run (id, bank_id, rule_set_version, started_by, started_at, finished_at,
                       households, complete, back_to_panel, ineligible, panel_id)
                values (:id, :b, :v, :by, :started, now(), :h, :c, :back, :inel, :panel)""")
                .param("id", runId)
                .param("panel", panelId)
                .param("started", started)
                .param("b", bankId)
                .param("v", rules.version())
                .param("by", startedBy)
                .param("h", counts.households)
                .param("c", counts.complete)
                .param("back", counts.backToPanel)
                .param("inel", counts.ineligible)
                .update();
        return new Run(
                runId,
                bankId,
                rules.version(),
                counts.estimates,
                counts.households,
                counts.complete,
                counts.backToPanel,
                counts.ineligible);
    }

    private static void stream(
            RuleSet rules,
            long runId,
            BinaryRows row,
            FileCursor files,
            Writer writer,
            Counts counts,
            java.util.function.LongConsumer progress)
            throws SQLException {
        FenAggregation fen = FenAggregation.of(rules);
        FenAggregation.Inputs group = new FenAggregation.Inputs();
        List<Object> results = new ArrayList<>(BATCH);
        long current = Long.MIN_VALUE;
        while (row.next()) {
            long household = row.getLong(0);
            if (household != current) {
                if (household < current) {
                    throw new IllegalStateException("estimates must come ordered by household");
                }
                if (group.size() > 0) {
                    results.add(aggregate(rules, fen, current, group, files.at(current), counts));
                    group.clear();
                    if (results.size() == BATCH) {
                        writer.send(results);
                        results = new ArrayList<>(BATCH);
                        progress.accept(counts.households);
                    }
                }
                current = household;
            }
            long memberHousehold = id(row, 3, group);
            int i = group.add(
                    (int) row.getLong(1),
                    row.getLong(2),
                    memberHousehold,
                    row.getBoolean(9),
                    id(row, 10, group),
                    id(row, 11, group));
            for (int f = 0; f < FIGURES.length; f++) {
                long v = row.getFen(4 + f);
                if (v == BinaryRows.NOT_FEN) {
                    group.figure(i, FIGURES[f], row.getDecimal(4 + f));
                } else {
                    group.figure(i, FIGURES[f], v == BinaryRows.NULL ? FenAggregation.NULL : v);
                }
            }
            counts.estimates++;
        }
        if (group.size() > 0) {
            results.add(aggregate(rules, fen, current, group, files.at(current), counts));
        }
        writer.send(results);
        progress.accept(counts.households);
    }

    /** An id that may be null, as {@link FenAggregation#NULL}; the sentinel itself sends the household the long way. */
    private static long id(BinaryRows row, int f, FenAggregation.Inputs group) {
        if (row.isNull(f)) {
            return FenAggregation.NULL;
        }
        long v = row.getLong(f);
        if (v == FenAggregation.NULL) {
            group.doesNotFit();
        }
        return v;
    }

    /**
     * One household, in whole fen when it fits ({@link FenAggregation}, the same result), otherwise through
     * {@link Aggregation}: a {@link FenAggregation.Result} or an {@link AggregationResult} for the writer.
     */
    private static Object aggregate(
            RuleSet rules,
            FenAggregation fen,
            long household,
            FenAggregation.Inputs group,
            HouseholdFile file,
            Counts counts) {
        FenAggregation.Result f = fen == null ? null : fen.aggregate(household, group, file);
        if (f == null) {
            return aggregate(rules, household, group.estimates(), file, counts);
        }
        counts.add(f.complete(), f.eligible());
        return f;
    }

    private static AggregationResult aggregate(
            RuleSet rules, long household, List<Estimate> group, HouseholdFile file, Counts counts) {
        AggregationResult r = Aggregation.aggregate(rules, household, group, file);
        counts.add(r.status() == AggregationStatus.COMPLETE, r.eligible());
        return r;
    }

    /**
     * Turns the results into COPY rows and sends them to PostgreSQL on a thread of its own, so that with two cores
     * reading and aggregating the next households goes on while the last ones are written out (a bounded queue
     * of batches keeps memory flat).
     */
    static final class Writer {

        private static final List<Object> END = List.of();

        private final CopyIn in;
        private final long runId;
        private final java.util.concurrent.BlockingQueue<List<Object>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(2);
        private final Thread thread;
        private volatile Throwable failure;

        Writer(CopyIn in, long runId) {
            this.in = in;
            this.runId = runId;
            this.thread = new Thread(this::drainQueue, "aggregation-writer");
            this.thread.setDaemon(true);
            this.thread.start();
        }

        void send(List<Object> results) throws SQLException {
            if (results.isEmpty()) {
                return;
            }
            try {
                while (!queue.offer(results, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    failed();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while writing results", e);
            }
            failed();
        }

        /** Waits until everything sent has been written. */
        void finish() throws SQLException {
            try {
                while (!queue.offer(END, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    failed();
                }
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while writing results", e);
            }
            failed();
        }

        void abandon() {
            thread.interrupt();
        }

        private void failed() throws SQLException {
            if (failure != null) {
                throw new SQLException("writing the results failed", failure);
            }
        }

        private void drainQueue() {
            BinaryCopyOut out = new BinaryCopyOut(FLUSH_AT + 8192).header();
            StringBuilder json = new StringBuilder(1024);
            try {
                for (List<Object> batch = queue.take(); batch != END; batch = queue.take()) {
                    for (Object r : batch) {
                        if (r instanceof FenAggregation.Result f) {
                            ResultRow.append(f, runId, out, json);
                        } else {
                            ResultRow.append((AggregationResult) r, runId, out, json);
                        }
                        if (out.size() >= FLUSH_AT) {
                            write(out);
                        }
                    }
                }
                write(out.trailer());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) { // also an Error: the reading side must not wait for a dead writer
                failure = e;
                queue.clear();
            }
        }

        private void write(BinaryCopyOut out) throws SQLException {
            if (out.size() > 0) {
                in.writeToCopy(out.array(), 0, out.size());
                out.clear();
            }
        }
    }

    private static void cancel(CopyIn in, CopyOut estimates, CopyOut files) {
        for (var op : new org.postgresql.copy.CopyOperation[] {in, estimates, files}) {
            try {
                if (op != null && op.isActive()) {
                    op.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the connection is closed next anyway
            }
        }
    }

    /** One result as a row of binary COPY, its fields in the order of {@link #COLUMNS}. */
    static final class ResultRow {

        private static final Figure[] FIGURES = Figure.values();
        private static final int FIELDS = 16;

        private ResultRow() {}

        static void append(AggregationResult r, long runId, BinaryCopyOut out, StringBuilder json) {
            out.row(FIELDS)
                    .int8Field(r.bankId())
                    .int8Field(r.householdId())
                    .int8Field(runId)
                    .int4Field(r.ruleSetVersion())
                    .textField(r.status().name());
            for (Figure f : FIGURES) {
                out.numericField(r.mean(f));
            }
            out.numericField(r.proposedAmount())
                    .textField(r.band() == null ? null : r.band().name())
                    .numericField(r.score())
                    .textField(r.grade())
                    .boolField(r.eligible());
            json.setLength(0);
            r.explanation().appendJson(json);
            out.textField(json);
        }

        /** The same row from the result in fen: amounts at scale 2, as {@link #append(AggregationResult, long,
         * BinaryCopyOut, StringBuilder)} writes them. */
        static void append(FenAggregation.Result r, long runId, BinaryCopyOut out, StringBuilder json) {
            out.row(FIELDS)
                    .int8Field(r.bankId())
                    .int8Field(r.householdId())
                    .int8Field(runId)
                    .int4Field(r.ruleSetVersion())
                    .textField(r.complete() ? COMPLETE : BACK_TO_PANEL);
            for (Figure f : FIGURES) {
                fen(out, r.mean(f));
            }
            fen(out, r.proposedAmount());
            out.textField(r.band() == null ? null : r.band().name());
            fen(out, r.score());
            out.textField(r.grade()).boolField(r.eligible());
            json.setLength(0);
            r.appendJson(json);
            out.textField(json);
        }

        private static final String COMPLETE = AggregationStatus.COMPLETE.name();
        private static final String BACK_TO_PANEL = AggregationStatus.BACK_TO_PANEL.name();

        private static void fen(BinaryCopyOut out, long v) {
            if (v == FenAggregation.NULL) {
                out.nullField();
            } else {
                out.numericField(v, 2);
            }
        }
    }

    /** The household files, read alongside the estimates (both ordered by household). */
    static final class FileCursor {

        private final BinaryRows row;
        private long pendingHousehold = Long.MIN_VALUE;
        private HouseholdFile pending;
        private boolean done;

        FileCursor(CopyOut files) {
            this.row = new BinaryRows(files);
            this.done = files == null;
        }

        void drain() throws SQLException {
            while (!done && row.next()) {
                // files of households without estimates
            }
        }

        HouseholdFile at(long household) throws SQLException {
            while (!done && pendingHousehold < household) {
                if (!row.next()) {
                    done = true;
                    pending = null;
                } else {
                    pendingHousehold = row.getLong(0);
                    pending = new HouseholdFile(
                            row.getIntOrNull(1), row.getString(2), row.getString(3), row.getIntOrNull(4));
                }
            }
            return !done && pendingHousehold == household ? pending : HouseholdFile.UNKNOWN;
        }
    }

    private static final class Counts {
        long estimates;
        long households;
        long complete;
        long backToPanel;
        long ineligible;

        void add(boolean complete, boolean eligible) {
            households++;
            if (complete) {
                this.complete++;
                if (!eligible) {
                    ineligible++;
                }
            } else {
                backToPanel++;
            }
        }
    }
}
