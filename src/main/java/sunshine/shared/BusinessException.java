package sunshine.shared;

/**
 * A rule said no. Carries a message key (resolved in the caller's language) and its arguments; shown
 * on pages next to the form and returned by the API as an RFC 9457 problem with status 400 or 409.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final int status;

    public BusinessException(String messageKey, Object... args) {
        this(400, messageKey, args);
    }

    protected BusinessException(int status, String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
        this.status = status;
    }

    public static BusinessException conflict(String messageKey, Object... args) {
        return new BusinessException(409, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public int status() {
        return status;
    }
}
