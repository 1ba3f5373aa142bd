package sunshine.panel;

/**
 * Plan against actual for one branch (its subtree) on a day (R3): how many areas, how many have a plan, how many
 * are running late, how many are on track, and how many have finished all three milestones.
 */
public record BranchProgress(
        long branchId, String branchName, int areas, int planned, int late, int onTrack, int finished) {}
