package sunshine.shared;

/** Someone asked for a record outside their bank or branch subtree (recorded in the audit log). */
public record AccessOutOfScope(
        long bankId, long staffId, String staffName, String entityType, String entityId, String operation) {}
