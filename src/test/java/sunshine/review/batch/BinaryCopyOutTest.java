package sunshine.review.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import sunshine.PlatformTest;

/**
 * The binary rows the aggregation batch writes, read back by PostgreSQL itself: every number must arrive as the
 * same decimal (compared as PostgreSQL prints it against {@link BigDecimal#toPlainString()}), text in any script
 * intact, nulls null.
 */
@PlatformTest
class BinaryCopyOutTest {

    @Autowired
    DataSource dataSource;

    @Test
    void numbersTextAndNullsArriveUnchanged() throws Exception {
        List<BigDecimal> values = new ArrayList<>();
        for (String v : new String[] {
            "0",
            "0.00",
            "0.01",
            "-0.01",
            "1",
            "-1",
            "9999",
            "10000",
            "10000.00",
            "12345678.90",
            "-5.5",
            "0.0001",
            "0.00001",
            "100000000.5",
            "99999999999999.99",
            "-99999999999999.99",
            "123456789012345678",
            "1234567890123456.78",
            "0.10",
            "50000",
            "63333.3",
            "1E+3",
            "7.125",
            "20000000000000000000.01"
        }) {
            values.add(new BigDecimal(v));
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create temp table binary_copy_test (n int, v numeric, t text, b boolean, i bigint, k integer)");
            BinaryCopyOut out = new BinaryCopyOut(16).header();
            for (int i = 0; i < values.size(); i++) {
                out.row(6)
                        .int4Field(i)
                        .numericField(values.get(i))
                        .textField(i % 2 == 0 ? "AAA 优秀 row " + i : null)
                        .boolField(i % 3 == 0)
                        .int8Field(-7_000_000_000L * i)
                        .int4Field(-i);
            }
            out.row(6)
                    .int4Field(-1)
                    .nullField()
                    .textField("")
                    .boolField(false)
                    .int8Field(Long.MAX_VALUE)
                    .int4Field(Integer.MIN_VALUE);
            out.trailer();
            CopyIn in = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY binary_copy_test FROM STDIN (FORMAT binary)");
            in.writeToCopy(out.array(), 0, out.size());
            in.endCopy();
            List<Object[]> rows = new ArrayList<>();
            try (var rs = s.executeQuery("select n, v::text, t, b, i, k from binary_copy_test order by n")) {
                while (rs.next()) {
                    rows.add(new Object[] {
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5), rs.getInt(6)
                    });
                }
            }
            assertThat(rows).hasSize(values.size() + 1);
            Object[] last = rows.get(0);
            assertThat(last[1]).isNull();
            assertThat(last[2]).isEqualTo("");
            assertThat(last[4]).isEqualTo(Long.MAX_VALUE);
            assertThat(last[5]).isEqualTo(Integer.MIN_VALUE);
            for (int i = 0; i < values.size(); i++) {
                Object[] r = rows.get(i + 1);
                BigDecimal v = values.get(i);
                String expected = (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
                assertThat(r[1]).as("value %s", v).isEqualTo(expected);
                assertThat(r[2]).isEqualTo(i % 2 == 0 ? "AAA 优秀 row " + i : null);
                assertThat(r[3]).isEqualTo(i % 3 == 0);
                assertThat(r[4]).isEqualTo(-7_000_000_000L * i);
                assertThat(r[5]).isEqualTo(-i);
            }
        }
    }

    /**
     * The batch's fen path: amounts read as whole fen exactly when the decimal is a non-negative number of fen below
     * 10^14 yuan (anything else is left to the decimal path), and amounts written from fen (or any long and scale)
     * arriving as the same decimal.
     */
    @Test
    void fenReadAndWrittenExactly() throws Exception {
        String[] read = {
            "0",
            "0.00",
            "-0.00",
            "0.01",
            "1.5",
            "1.50",
            "12345678.9000",
            "99999999999999.99",
            "10000",
            "9999.99",
            "1.505",
            "7.125",
            "-1",
            "-0.01",
            "100000000000000",
            "123456789012345678",
            "0.001",
            "20000000000000000000.01"
        };
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create temp table fen_test (n int, v numeric)");
            for (int i = 0; i < read.length; i++) {
                s.execute("insert into fen_test values (" + i + ", " + read[i] + ")");
            }
            s.execute("insert into fen_test values (" + read.length + ", null)");
            var copy = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (select n, v from fen_test order by n) TO STDOUT (FORMAT binary)");
            BinaryRows rows = new BinaryRows(copy);
            for (int i = 0; i < read.length; i++) {
                assertThat(rows.next()).isTrue();
                BigDecimal v = new BigDecimal(read[i]);
                long expected =
                        v.signum() < 0 || v.stripTrailingZeros().scale() > 2 || v.compareTo(new BigDecimal("1e14")) >= 0
                                ? BinaryRows.NOT_FEN
                                : v.movePointRight(2).longValueExact();
                assertThat(rows.getFen(1)).as(read[i]).isEqualTo(expected);
            }
            assertThat(rows.next()).isTrue();
            assertThat(rows.getFen(1)).isEqualTo(BinaryRows.NULL);
            assertThat(rows.next()).isFalse();

            long[][] written = {
                {0, 2},
                {1, 2},
                {-1, 2},
                {150, 2},
                {123_456_789_012L, 2},
                {9_999_999_999_999_999L, 2},
                {-9_999_999_999_999_999L, 2},
                {99_999_999_999_999_999L, 2},
                {1_234_567, 5},
                {42, 0},
                {7_125, 3}
            };
            s.execute("create temp table fen_out (n int, v numeric)");
            BinaryCopyOut out = new BinaryCopyOut(16).header();
            for (int i = 0; i < written.length; i++) {
                out.row(2).int4Field(i).numericField(written[i][0], (int) written[i][1]);
            }
            out.trailer();
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY fen_out FROM STDIN (FORMAT binary)");
            in.writeToCopy(out.array(), 0, out.size());
            in.endCopy();
            try (var rs = s.executeQuery("select n, v::text from fen_out order by n")) {
                for (long[] w : written) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2))
                            .as("%d at scale %d", w[0], w[1])
                            .isEqualTo(BigDecimal.valueOf(w[0], (int) w[1]).toPlainString());
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }
}
