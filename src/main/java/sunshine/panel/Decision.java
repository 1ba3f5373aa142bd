package sunshine.panel;

import sunshine.shared.BusinessException;

/** What a named rule says: allow, or reject with a message key (naming the rule) and its arguments. */
public record Decision(boolean allowed, String messageKey, Object[] args) {

    private static final Decision ALLOW = new Decision(true, null, new Object[0]);

    public static Decision allow() {
        return ALLOW;
    }

    public static Decision reject(String messageKey, Object... args) {
        return new Decision(false, messageKey, args);
    }

    /** The first refusal of the two, or allow. */
    public Decision and(java.util.function.Supplier<Decision> next) {
        return allowed ? next.get() : this;
    }

    /** Goes on when allowed; otherwise the refusal, as the error the pages and the API show. */
    public void orThrow() {
        if (!allowed) {
            throw new BusinessException(messageKey, args);
        }
    }
}
