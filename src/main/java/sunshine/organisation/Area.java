package sunshine.organisation;

import java.math.BigDecimal;

/** A village, community, institution or market served by a branch, with its survey figures (R2). */
public record Area(
        long id,
        long bankId,
        long branchId,
        String branchName,
        AreaKind kind,
        String divisionCode,
        String townshipCode,
        String townshipName,
        String name,
        Long managerId,
        String managerName,
        int actualHouseholds,
        int businessHouseholds,
        int loanCertCount,
        BigDecimal loanCertAmount,
        int badLoanCount,
        BigDecimal badLoanAmount,
        boolean active,
        int version) {}
