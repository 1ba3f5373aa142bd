package sunshine.panel;

/** One line of the panel list: the panel, the areas it covers, how many members and how many trained (R14). */
public record PanelSummary(
        long id,
        long branchId,
        String branchName,
        String name,
        PanelKind kind,
        PanelStatus status,
        String areaNames,
        int members,
        int alternates,
        int trained) {

    public boolean allTrained() {
        return members > 0 && trained == members;
    }
}
