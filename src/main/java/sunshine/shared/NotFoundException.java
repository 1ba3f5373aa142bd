package sunshine.shared;

/**
 * The record does not exist, or exists outside the caller's bank or branch subtree: both answer the
 * same 404, so nobody can learn what lies outside their scope.
 */
public class NotFoundException extends BusinessException {

    public NotFoundException(String entityType, Object id) {
        super(404, "error.notFound", entityType, String.valueOf(id));
    }
}
