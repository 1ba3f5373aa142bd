package sunshine.shared;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place where data scoping is decided. Every query of bank data joins the owning branch and adds
 * {@link #condition(String)}; every change first asks {@link #requireBranch(long)} (or loads its target
 * through a scoped query and calls {@link #denied}). A record outside the scope answers exactly like a
 * missing one, and the attempt is published as {@link AccessOutOfScope} for the audit log.
 */
@Component
public class DataScope {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public DataScope(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public CurrentUser user() {
        return CurrentUser.require();
    }

    /** SQL condition limiting rows to the caller's bank and branch subtree; {@code b} is a branch alias. */
    public String condition(String branchAlias) {
        return branchAlias + ".bank_id = :scopeBankId and " + branchAlias + ".path like :scopePath";
    }

    /** The parameters that {@link #condition(String)} needs. */
    public Map<String, Object> params() {
        CurrentUser u = user();
        return Map.of("scopeBankId", u.bankId(), "scopePath", likePrefix(u.scopePath()));
    }

    /** A branch path that the caller may see, or 404 (audited when the branch exists). */
    public String requireBranch(long branchId) {
        CurrentUser u = user();
        Optional<BranchRef> ref = jdbc.sql("select bank_id, path from branch where id = :id")
                .param("id", branchId)
                .query((rs, n) -> new BranchRef(rs.getLong(1), rs.getString(2)))
                .optional();
        if (ref.isEmpty()) {
            throw new NotFoundException("branch", branchId);
        }
        if (!u.canSee(ref.get().bankId(), ref.get().path())) {
            throw denied("branch", branchId);
        }
        return ref.get().path();
    }

    /** The record exists but lies outside the caller's scope: record the attempt, answer 404. */
    public NotFoundException denied(String entityType, Object id) {
        CurrentUser u = user();
        events.publishEvent(
                new AccessOutOfScope(u.bankId(), u.staffId(), u.name(), entityType, String.valueOf(id), operation()));
        return new NotFoundException(entityType, id);
    }

    /**
     * For a scoped lookup that found nothing: 404, and an audit entry when the row exists elsewhere.
     * {@code table} is a constant table name of the calling module, never user input.
     */
    public NotFoundException notFound(String entityType, String table, long id) {
        boolean exists = jdbc.sql("select exists(select 1 from " + table + " where id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
        return exists ? denied(entityType, id) : new NotFoundException(entityType, id);
    }

    private static String operation() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getMethod() + " " + attrs.getRequest().getRequestURI();
        }
        return "internal";
    }

    private static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record BranchRef(long bankId, String path) {}
}
