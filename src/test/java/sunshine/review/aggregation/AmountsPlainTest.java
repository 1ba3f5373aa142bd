package sunshine.review.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The digits the batch writes into COPY rows and the explanation JSON: exactly the plain decimal, with or without
 * the trailing zeros after the point, whatever the scale and size (worked by hand).
 */
class AmountsPlainTest {

    @ParameterizedTest(name = "{0}: stripped {1}, kept {2}")
    @CsvSource({
        "50000.00, 50000, 50000.00",
        "63333.30, 63333.3, 63333.30",
        "94999.995, 94999.995, 94999.995",
        "0.05, 0.05, 0.05",
        "0.00, 0, 0.00",
        "0, 0, 0",
        "7, 7, 7",
        "1000.10, 1000.1, 1000.10",
        "1.0500, 1.05, 1.0500",
        "-12.50, -12.5, -12.50",
        "-0.07, -0.07, -0.07",
        "99999999999999.99, 99999999999999.99, 99999999999999.99",
        "0.000000000000000001, 0.000000000000000001, 0.000000000000000001",
        // beyond 18 digits: the long way, same text
        "123456789012345678901.20, 123456789012345678901.2, 123456789012345678901.20",
        "1.0000000000000000000, 1, 1.0000000000000000000",
    })
    void writesThePlainDecimal(String value, String stripped, String kept) {
        assertThat(plain(new BigDecimal(value), true)).isEqualTo(stripped);
        assertThat(plain(new BigDecimal(value), false)).isEqualTo(kept);
    }

    @Test
    void negativeScaleIsWrittenWithItsZeros() {
        assertThat(plain(new BigDecimal("1E+3"), true)).isEqualTo("1000");
        assertThat(plain(new BigDecimal("25E+2"), false)).isEqualTo("2500");
    }

    @Test
    void appendsAfterWhatIsThere() {
        StringBuilder b = new StringBuilder("[10,");
        Amounts.appendPlain(b, new BigDecimal("300.00"), true);
        b.append(',');
        Amounts.appendPlain(b, new BigDecimal("0.10"), true);
        assertThat(b).hasToString("[10,300,0.1");
    }

    private static String plain(BigDecimal v, boolean strip) {
        StringBuilder b = new StringBuilder();
        Amounts.appendPlain(b, v, strip);
        return b.toString();
    }
}
