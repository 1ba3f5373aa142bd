package sunshine.panel;

/**
 * A member as the panel's own pages show it. The phone is published on purpose (the public member list, seed 000
 * §4.3.4); the resident ID is masked on screen. {@code trained}: attended at least one training session (R14).
 */
public record PanelMember(
        long id,
        int seat,
        String name,
        MemberRole role,
        String phone,
        String residentIdMasked,
        Long householdId,
        Long staffId,
        boolean alternate,
        boolean trained) {}
