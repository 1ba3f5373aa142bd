package sunshine.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the embedded PostgreSQL: real PostgreSQL 15 binaries from Maven Central. With a data directory the
 * cluster is kept across restarts; without one it lives in a fresh temporary directory (tests). When the JVM
 * runs as root, zonky starts PostgreSQL through {@code unshare -U}, since PostgreSQL refuses to run as root.
 */
final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {}

    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                // a bank of a million customers: their table and indexes stay in memory, and a million-row import
                // commits without a forced checkpoint half way
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "30min")
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
        return builder.start();
    }
}
