package sunshine.publicity;

/** R27's per-bank policy: proposed amounts posted publicly (seed 000) or kept internal (seed 003). */
public enum NoticeMode {
    PUBLIC,
    INTERNAL
}
