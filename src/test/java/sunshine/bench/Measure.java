package sunshine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every benchmark reports beside its times: the peak heap of a step, and how busy the machine was. */
final class Measure {

    private Measure() {}

    /** Collects garbage and starts a new peak, before a step. */
    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The highest heap use since the last {@link #resetPeaks()}, in MB (garbage not yet collected counts). */
    static long peakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum()
                >> 20;
    }

    /** Where {@link #record} appends: one table for every benchmark of a run of {@code ./bench all}. */
    static final Path RESULTS = Path.of("target/bench/results.tsv");

    /**
     * Adds one headline figure to the shared table that {@code ./bench all} prints: our time beside the raw
     * baseline measured in the same run (null where the operation has none), and the peak heap.
     */
    static void record(String operation, long size, long ourMillis, Long baselineMillis, long peakMb, String target) {
        String ratio = baselineMillis == null || baselineMillis == 0
                ? "-"
                : String.format(java.util.Locale.ROOT, "%.2f", (double) ourMillis / baselineMillis);
        String line = String.join(
                        "\t",
                        operation,
                        String.format(java.util.Locale.ROOT, "%,d", size),
                        String.format(java.util.Locale.ROOT, "%.1f", ourMillis / 1000.0),
                        baselineMillis == null
                                ? "-"
                                : String.format(java.util.Locale.ROOT, "%.1f", baselineMillis / 1000.0),
                        ratio,
                        Long.toString(peakMb),
                        target,
                        loadAverage().split(" ")[0])
                + "\n";
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(
                    RESULTS, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The machine's load over the last 1, 5 and 15 minutes: other work on the cores slows every figure. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
