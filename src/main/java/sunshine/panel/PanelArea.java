package sunshine.panel;

/** An area a panel covers, with its responsible account manager (who may not sit on the panel, R13). */
public record PanelArea(long areaId, String name, Long managerId, String managerName) {}
