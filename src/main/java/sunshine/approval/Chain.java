package sunshine.approval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import sunshine.shared.Role;

/** A bank's approval chain in order (R26); the first stage is the panel's proposal. */
public record Chain(List<ChainStage> stages) {

    /** The default of seed 000, plus head-office credit above 300,000. */
    public static Chain defaults() {
        return new Chain(List.of(
                new ChainStage(1, Stage.PROPOSAL, Role.ACCOUNT_MANAGER, null),
                new ChainStage(2, Stage.ACCOUNT_MANAGER_REVIEW, Role.ACCOUNT_MANAGER, null),
                new ChainStage(3, Stage.CREDIT_COMMITTEE, Role.CREDIT_SUPERVISOR, null),
                new ChainStage(4, Stage.BRANCH_HEAD_FINAL, Role.BRANCH_HEAD, null),
                new ChainStage(5, Stage.HEAD_OFFICE_CREDIT, Role.HO_CREDIT, new BigDecimal("300000.00"))));
    }

    public Stage first() {
        return stages.get(0).stage();
    }

    public Optional<ChainStage> find(Stage stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst();
    }

    /** The stage after {@code current} that applies to the amount; empty when {@code current} was the last one. */
    public Optional<ChainStage> next(Stage current, BigDecimal amount) {
        int pos = position(current);
        return stages.stream()
                .filter(s -> s.position() > pos && s.appliesTo(amount))
                .findFirst();
    }

    /** Whether {@code target} comes before {@code current} and applies to the amount: a referral back may go there. */
    public boolean isEarlier(Stage target, Stage current, BigDecimal amount) {
        return find(target)
                .filter(s -> s.position() < position(current) && s.appliesTo(amount))
                .isPresent();
    }

    /** The applicable stages before {@code current}: where a referral back may send a case. */
    public List<Stage> earlier(Stage current, BigDecimal amount) {
        int pos = position(current);
        return stages.stream()
                .filter(s -> s.position() < pos && s.appliesTo(amount))
                .map(ChainStage::stage)
                .toList();
    }

    public Role roleAt(Stage stage) {
        return find(stage).map(ChainStage::role).orElse(stage.defaultRole());
    }

    private int position(Stage stage) {
        return find(stage)
                .map(ChainStage::position)
                .orElseThrow(
                        () -> new sunshine.shared.BusinessException("approval.error.stageNotInChain", stage.name()));
    }
}
