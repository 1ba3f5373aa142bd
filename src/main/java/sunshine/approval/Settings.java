package sunshine.approval;

import sunshine.publicity.NoticeMode;

/** The bank's approval settings: R27's policy, the notice period (days, at least 5), the term shown, the chain. */
public record Settings(NoticeMode mode, int noticeDays, int termMonths, int version, Chain chain) {}
