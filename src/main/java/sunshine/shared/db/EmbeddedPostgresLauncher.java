package sunshine.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL. PostgreSQL refuses to run as root; when this JVM is root (as in CI
 * containers) the extracted binaries are wrapped so that they run in a new user namespace
 * ({@code unshare -U}), where they are not root but still own their files.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {}

    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "sunshine-pg-" + userName());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("synchronous_commit", "off")
                .setLocaleConfig("locale", "C.UTF-8");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
        }
        if (!isRoot()) {
            return builder.start();
        }
        try {
            wrapForRoot(binaries);
            return builder.start();
        } catch (IOException | RuntimeException firstTry) {
            // The binaries were extracted by this attempt: wrap them and try once more.
            log.info("Running as root: starting PostgreSQL in a user namespace (unshare -U)");
            wrapForRoot(binaries);
            return builder.start();
        }
    }

    private static void wrapForRoot(Path workDir) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(workDir)) {
            for (Path pgDir : dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .toList()) {
                for (String tool : new String[] {"initdb", "pg_ctl"}) {
                    wrap(pgDir.resolve("bin").resolve(tool));
                }
                Path marker = pgDir.resolve(".exists");
                if (Files.exists(marker)) {
                    // zonky re-extracts when anything is newer than its marker
                    Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
                }
            }
        }
    }

    private static void wrap(Path tool) {
        try {
            Path real = tool.resolveSibling(tool.getFileName() + ".real");
            if (!Files.exists(tool) || Files.exists(real)) {
                return;
            }
            Files.move(tool, real);
            Files.writeString(tool, "#!/bin/sh\nexec unshare -U \"$0.real\" \"$@\"\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(userName());
    }

    private static String userName() {
        return System.getProperty("user.name", "user");
    }
}
