package sunshine.review;

/**
 * Where a keyed copy stands (R18): KEYING (first keying saved, not finished), KEYED (first keying finished, waiting
 * for verification), VERIFYING (second keying done, differences waiting to be resolved), VERIFIED (counts).
 */
public enum EstimateStatus {
    KEYING,
    KEYED,
    VERIFYING,
    VERIFIED
}
