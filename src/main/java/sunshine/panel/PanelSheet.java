package sunshine.panel;

import java.util.List;

/** A panel as read for printing. areaIds: the areas it covers. */
public record PanelSheet(
        long id,
        long bankId,
        long branchId,
        String branchName,
        String name,
        PanelKind kind,
        PanelStatus status,
        List<Long> areaIds,
        List<PanelSeat> seats) {

    /** The regular members only (one booklet copy each). */
    public List<PanelSeat> regularSeats() {
        return seats.stream().filter(s -> !s.alternate()).toList();
    }
}
