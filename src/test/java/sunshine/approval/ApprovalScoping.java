package sunshine.approval;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import sunshine.shared.Today;

/**
 * ScopingTest's block for the approval module: a B01 case on a posted notice with an open objection (made once in
 * the database) and a valid request to each approval write endpoint aimed at them.
 */
public final class ApprovalScoping {

    private ApprovalScoping() {}

    public static void requests(
            JdbcClient jdbc,
            long b01Area,
            long b01Household,
            Map<String, Function<Void, AbstractMockHttpServletRequestBuilder<?>>> r) {
        long staff = jdbc.sql("select staff_id from user_account where username = 'b01_am1'")
                .query(Long.class)
                .single();
        long caseId = jdbc.sql("select id from approval_case where household_id = :h and final_list_id = -1")
                .param("h", b01Household)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                        insert into approval_case (bank_id, branch_id, area_id, household_id, final_list_id,
                                                   proposed_amount, amount, status)
                        select bank_id, branch_id, id, :h, -1, 10000, 10000, 'OBJECTED' from area where id = :a
                        returning id""")
                        .param("h", b01Household)
                        .param("a", b01Area)
                        .query(Long.class)
                        .single());
        long notice = jdbc.sql("select notice_id from approval_notice_line where case_id = :c")
                .param("c", caseId)
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    long n = jdbc.sql("""
                            insert into approval_notice (bank_id, branch_id, area_id, posted_on, period_days, term_months,
                                                         posted_by, posted_by_name)
                            select bank_id, branch_id, id, current_date, 5, 36, :s, '范围测试' from area where id = :a
                            returning id""")
                            .param("s", staff)
                            .param("a", b01Area)
                            .query(Long.class)
                            .single();
                    jdbc.sql("insert into approval_notice_line (notice_id, case_id, household_name, amount)"
                                    + " values (:n, :c, '范围测试', 10000)")
                            .param("n", n)
                            .param("c", caseId)
                            .update();
                    jdbc.sql("""
                            insert into approval_objection (bank_id, branch_id, notice_id, case_id, objector, received_via,
                                                            content, received_on, recorded_by)
                            select bank_id, branch_id, :n, :c, '范围', 'VISIT', '范围测试', current_date, :s from area
                             where id = :a""")
                            .param("n", n)
                            .param("c", caseId)
                            .param("s", staff)
                            .param("a", b01Area)
                            .update();
                    return n;
                });
        long objection = jdbc.sql("select id from approval_objection where notice_id = :n order by id limit 1")
                .param("n", notice)
                .query(Long.class)
                .single();
        String today = Today.date().toString();
        r.put(
                "POST /approval/cases/{id}/decisions",
                v -> post("/approval/cases/" + caseId + "/decisions")
                        .param("stage", "PROPOSAL")
                        .param("version", "0")
                        .param("kind", "APPROVE"));
        r.put(
                "POST /api/v1/approval/cases/{id}/decisions",
                v -> post("/api/v1/approval/cases/" + caseId + "/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PROPOSAL\",\"version\":0,\"kind\":\"APPROVE\"}"));
        r.put(
                "POST /approval/areas/{areaId}/approve",
                v -> post("/approval/areas/" + b01Area + "/approve")
                        .param("stage", "PROPOSAL")
                        .param("cases", caseId + ":0"));
        r.put(
                "POST /approval/areas/{areaId}/notices",
                v -> post("/approval/areas/" + b01Area + "/notices").param("postedOn", today));
        r.put(
                "POST /approval/notices/{id}/objections",
                v -> post("/approval/notices/" + notice + "/objections")
                        .param("caseId", String.valueOf(caseId))
                        .param("objector", "越权")
                        .param("receivedVia", "VISIT")
                        .param("content", "越权")
                        .param("receivedOn", today));
        r.put(
                "POST /approval/objections/{id}/investigate",
                v -> post("/approval/objections/" + objection + "/investigate")
                        .param("note", "越权")
                        .param("version", "0"));
        r.put(
                "POST /approval/objections/{id}/close",
                v -> post("/approval/objections/" + objection + "/close")
                        .param("outcome", "REMOVE")
                        .param("note", "越权")
                        .param("version", "0"));
    }
}
