package sunshine.audit.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.audit.AuditEntry;
import sunshine.audit.AuditVerification;
import sunshine.audit.AuditVerifier;
import sunshine.shared.CurrentUser;
import sunshine.shared.PageResult;

/** The audit log of the auditor's bank, newest first, and the chain verification. */
@Controller
@PreAuthorize("hasAnyRole('HO_AUDIT','ADMIN')")
class AuditPages {

    private final JdbcClient jdbc;
    private final AuditVerifier verifier;

    AuditPages(JdbcClient jdbc, AuditVerifier verifier) {
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    @GetMapping("/audit")
    String log(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", entries(jdbc, entityType, action, actor, new PageResult.Request(page, 50)));
        model.addAttribute("entityType", entityType);
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("entityTypes", List.of("bank", "branch", "staff", "area", "account", "api_token"));
        model.addAttribute(
                "actions",
                List.of(
                        "CREATE",
                        "UPDATE",
                        "MOVE",
                        "ACTIVATE",
                        "DEACTIVATE",
                        "IMPORT_DIVISIONS",
                        "LOGIN",
                        "LOGIN_FAILED",
                        "LOGIN_LOCKED",
                        "CREATE_LOGIN",
                        "RESET_LOGIN",
                        "UNLOCK",
                        "CHANGE_PASSWORD",
                        "REVOKE",
                        "OUT_OF_SCOPE"));
        return "audit/log";
    }

    @PostMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", verifier.verify(CurrentUser.require().bankId()));
        return log(null, null, null, 0, model);
    }

    static PageResult<AuditEntry> entries(
            JdbcClient jdbc, String entityType, String action, String actor, PageResult.Request page) {
        StringBuilder where = new StringBuilder(" where bank_id = :bank");
        Map<String, Object> p = new HashMap<>();
        p.put("bank", CurrentUser.require().bankId());
        if (entityType != null && !entityType.isBlank()) {
            where.append(" and entity_type = :type");
            p.put("type", entityType.trim());
        }
        if (action != null && !action.isBlank()) {
            where.append(" and action = :action");
            p.put("action", action.trim());
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor_name like :actor");
            p.put("actor", "%" + actor.trim() + "%");
        }
        long total = jdbc.sql("select count(*) from audit_log" + where)
                .params(p)
                .query(Long.class)
                .single();
        List<AuditEntry> items = jdbc.sql("select seq, at, actor_id, actor_name, action, entity_type, entity_id,"
                        + " before_json, after_json, hash from audit_log" + where
                        + " order by seq desc limit :limit offset :offset")
                .params(p)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** The same for scripts. */
    @RestController
    @RequestMapping("/api/v1/audit")
    @PreAuthorize("hasAnyRole('HO_AUDIT','ADMIN')")
    static class AuditApi {

        private final JdbcClient jdbc;
        private final AuditVerifier verifier;

        AuditApi(JdbcClient jdbc, AuditVerifier verifier) {
            this.jdbc = jdbc;
            this.verifier = verifier;
        }

        @GetMapping
        PageResult<AuditEntry> list(
                @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String action,
                @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "50") int size) {
            return entries(jdbc, entityType, action, null, new PageResult.Request(page, size));
        }

        @PostMapping("/verify")
        AuditVerification verify() {
            return verifier.verify(CurrentUser.require().bankId());
        }
    }
}
