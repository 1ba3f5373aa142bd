package sunshine.panel;

import java.time.Instant;
import java.util.List;

/** A review panel with its areas and members, as its detail page shows it. */
public record Panel(
        long id,
        long bankId,
        long branchId,
        String branchName,
        String name,
        PanelKind kind,
        PanelStatus status,
        String note,
        int version,
        Instant confirmedAt,
        List<PanelArea> areas,
        List<PanelMember> members) {

    public List<PanelMember> regular() {
        return members.stream().filter(m -> !m.alternate()).toList();
    }

    public List<PanelMember> alternates() {
        return members.stream().filter(PanelMember::alternate).toList();
    }

    /** R14: every regular member attended a training session. */
    public boolean allTrained() {
        return !regular().isEmpty() && regular().stream().allMatch(PanelMember::trained);
    }

    public long trainedCount() {
        return regular().stream().filter(PanelMember::trained).count();
    }

    public boolean editable() {
        return status == PanelStatus.DRAFT;
    }
}
