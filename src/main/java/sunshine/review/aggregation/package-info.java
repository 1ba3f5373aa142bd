/**
 * The rule core of aggregation and rating (R19-R21): pure Java, no Spring, no database. A versioned
 * {@link sunshine.review.aggregation.RuleSet} and a household's estimates go in; an
 * {@link sunshine.review.aggregation.AggregationResult} with its {@link sunshine.review.aggregation.Explanation}
 * comes out. All arithmetic is in {@link java.math.BigDecimal}; no floating point anywhere.
 */
package sunshine.review.aggregation;
