package sunshine.panel;

/** The kinds of review panel and what each must look like when confirmed (R12, seed 003 §5.2.1). */
public enum PanelKind {
    /** A village committee's panel: 5 people of the village, at most 2 of them village cadres. */
    VILLAGE,
    /** A street (community) panel: the same rule as a village's. */
    STREET,
    /** A school's or agency's panel: 3 external members and 2 bank staff. */
    INSTITUTION,
    /** Any other panel: bank staff only, at least 3. */
    OTHER
}
