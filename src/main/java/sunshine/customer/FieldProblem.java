package sunshine.customer;

/** A field that is missing or wrong: which field, and a message key (with arguments) saying why. */
public record FieldProblem(String field, String messageKey, Object... args) {}
