package sunshine.publicity;

import java.math.BigDecimal;

/** One line of the rate table: a credit grade and its annual interest rate in percent (R35). */
public record GradeRate(String grade, BigDecimal annualRate) {}
