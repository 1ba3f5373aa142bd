package sunshine.customer;

/** Local, or non-local and doing business here (R6: then the place of business is required). */
public enum Residence {
    LOCAL,
    NON_LOCAL
}
