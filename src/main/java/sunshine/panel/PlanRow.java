package sunshine.panel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One line of the rollout plan (工作配档表, R3): an area, its responsible account manager, the planned and actual
 * dates of rating, credit granting and certificate issuance, and where each stands on {@code today}.
 */
public record PlanRow(
        long areaId,
        String areaName,
        String areaKind,
        long branchId,
        String branchName,
        Long managerId,
        String managerName,
        LocalDate plannedRating,
        LocalDate plannedGranting,
        LocalDate plannedCertificates,
        LocalDate actualRating,
        LocalDate actualGranting,
        LocalDate actualCertificates,
        String note,
        int version,
        List<MilestoneState> states,
        int daysLate) {

    static PlanRow of(
            long areaId,
            String areaName,
            String areaKind,
            long branchId,
            String branchName,
            Long managerId,
            String managerName,
            LocalDate[] planned,
            LocalDate[] actual,
            String note,
            int version,
            LocalDate today) {
        MilestoneState[] states = new MilestoneState[3];
        long late = 0;
        for (int i = 0; i < 3; i++) {
            states[i] = MilestoneState.of(planned[i], actual[i], today);
            if (states[i] == MilestoneState.OVERDUE) {
                late = Math.max(late, ChronoUnit.DAYS.between(planned[i], today));
            }
        }
        return new PlanRow(
                areaId,
                areaName,
                areaKind,
                branchId,
                branchName,
                managerId,
                managerName,
                planned[0],
                planned[1],
                planned[2],
                actual[0],
                actual[1],
                actual[2],
                note,
                version,
                List.of(states),
                (int) late);
    }

    public LocalDate planned(Milestone m) {
        return switch (m) {
            case RATING -> plannedRating;
            case GRANTING -> plannedGranting;
            case CERTIFICATES -> plannedCertificates;
        };
    }

    public LocalDate actual(Milestone m) {
        return switch (m) {
            case RATING -> actualRating;
            case GRANTING -> actualGranting;
            case CERTIFICATES -> actualCertificates;
        };
    }

    public MilestoneState state(Milestone m) {
        return states.get(m.ordinal());
    }

    /** Running late: a planned date has passed with the work not done. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean late() {
        return states.contains(MilestoneState.OVERDUE);
    }

    public boolean planned() {
        return plannedRating != null || plannedGranting != null || plannedCertificates != null;
    }

    /** Every milestone done. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean finished() {
        return actualRating != null && actualGranting != null && actualCertificates != null;
    }
}
