package sunshine.approval;

import java.math.BigDecimal;

/** An area's cases by where they stand, with the amount that passed the chain. */
public record AreaSummary(
        long areaId,
        String areaName,
        String branchName,
        long inChain,
        long awaitingNotice,
        long approved,
        long objected,
        long closed,
        BigDecimal approvedAmount) {}
