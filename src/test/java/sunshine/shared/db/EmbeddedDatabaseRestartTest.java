package sunshine.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data in its directory: a restart finds everything (foundation issue, point 2). */
class EmbeddedDatabaseRestartTest {

    @Test
    void aRestartKeepsTheData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(data, 0);
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table kept (name text)");
            s.execute("insert into kept values ('明水街道')");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(data, 0);
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name, current_setting('server_version_num')::int from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("明水街道");
            assertThat(rs.getInt(2)).as("PostgreSQL 15, like production").isBetween(150000, 159999);
        }
    }
}
