package sunshine.panel;

/**
 * One seat on a panel as the booklets need it. seat = 1..n for regular members (booklet copy number),
 * alternates have alternate=true (and the seats after the regular ones). householdId: the member's own
 * household when the member is a filed customer of the bank (matched by resident ID when the member is
 * saved, and again when the panel is confirmed), else null (R13: their estimate for it is not used).
 */
public record PanelSeat(long memberId, int seat, String name, MemberRole role, boolean alternate, Long householdId) {}
