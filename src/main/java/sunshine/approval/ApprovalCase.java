package sunshine.approval;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A household's way through the chain (R26) and the notice (R27); {@code version} guards every decision. */
public record ApprovalCase(
        long id,
        long bankId,
        long branchId,
        String branchName,
        long areaId,
        String areaName,
        long householdId,
        String householdName,
        long finalListId,
        Long aggregationId,
        BigDecimal proposedAmount,
        BigDecimal amount,
        String grade,
        CaseStatus status,
        Stage stage,
        int pass,
        Long proposedBy,
        String proposedByName,
        LocalDate approvedOn,
        Long noticeId,
        LocalDate grantableFrom,
        int version) {}
