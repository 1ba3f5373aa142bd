package sunshine.review.aggregation;

/** A rule set that cannot be used; carries a message key (messages*.properties) and its arguments. */
public class InvalidRules extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] args;

    public InvalidRules(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
