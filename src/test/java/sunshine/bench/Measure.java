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

    /**
     * CPU seconds spent by this JVM and by the database server's processes (the postmaster of {@code backendPid}
     * and all its children: backends, WAL writer, checkpointer, autovacuum) since the last {@link #cpu}; read from
     * /proc, so Linux only ("unknown" elsewhere). With two cores and both busy, the sum says what a step costs
     * better than its wall time.
     */
    record Cpu(double jvmSeconds, double databaseSeconds, java.util.Map<String, Double> byProcess) {

        Cpu minus(Cpu before) {
            java.util.Map<String, Double> diff = new java.util.TreeMap<>();
            byProcess.forEach((k, v) -> {
                double d = v - before.byProcess.getOrDefault(k, 0.0);
                if (d >= 0.5) {
                    diff.put(k, d);
                }
            });
            return new Cpu(jvmSeconds - before.jvmSeconds, databaseSeconds - before.databaseSeconds, diff);
        }

        /** The database processes that took half a second or more, with what they were (after {@link #minus}). */
        String processes() {
            StringBuilder b = new StringBuilder();
            byProcess.forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, "%n    %5.1f s  %s", v, k)));
            return b.toString();
        }

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "CPU %.1f s (JVM %.1f s, PostgreSQL %.1f s)",
                    jvmSeconds + databaseSeconds,
                    jvmSeconds,
                    databaseSeconds);
        }
    }

    static Cpu cpu(int backendPid) {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        double db = 0;
        java.util.Map<String, Double> byProcess = new java.util.HashMap<>();
        try {
            long ticks = 100; // USER_HZ on Linux
            String postmaster = stat(Path.of("/proc/" + backendPid + "/stat"))[3];
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] f = stat(p.resolve("stat"));
                        if (name.equals(postmaster) || f[3].equals(postmaster)) {
                            double seconds = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / (double) ticks;
                            db += seconds;
                            String what = Files.readString(p.resolve("cmdline"))
                                    .replace('\0', ' ')
                                    .trim();
                            byProcess.put(
                                    name + " " + what.replaceAll("\\d+\\.\\d+\\.\\d+\\.\\d+\\(\\d+\\)", ""), seconds);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            db = Double.NaN;
        }
        return new Cpu(jvm, db, byProcess);
    }

    /** The fields of /proc/PID/stat after the command name (which may hold spaces), numbered as in proc(5) from 0. */
    private static String[] stat(Path file) throws IOException {
        String s = Files.readString(file);
        String rest = s.substring(s.lastIndexOf(')') + 2);
        String[] tail = rest.split(" ");
        String[] all = new String[tail.length + 2];
        all[0] = s.substring(0, s.indexOf(' '));
        all[1] = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        System.arraycopy(tail, 0, all, 2, tail.length);
        return all;
    }
}
