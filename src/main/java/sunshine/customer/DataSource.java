package sunshine.customer;

/** Where a file's data came from. */
public enum DataSource {
    MANUAL,
    IMPORT,
    API,
    BOOKLET
}
