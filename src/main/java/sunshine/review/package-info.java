/**
 * Review: printed booklets, back-to-back estimates, entry and verification, aggregation to a pre-credit
 * limit, rating and panel quality (R16-R22).
 */
package sunshine.review;
