package sunshine.panel;

import java.time.Instant;

/** One recorded transition of a panel's status: from, to, why, who, when. */
public record StatusChange(PanelStatus from, PanelStatus to, String reason, String actorName, Instant at) {

    /** The moment on the server's clock, for pages. */
    public java.time.LocalDateTime localAt() {
        return java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.systemDefault());
    }
}
