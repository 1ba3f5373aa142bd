package sunshine.publicity.print;

/** The printed publicity materials of an area (R34, 000 §4.4). */
public enum PrintKind {
    POSTER,
    LETTER,
    PROPOSAL
}
