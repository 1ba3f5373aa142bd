package sunshine.panel;

import java.util.List;

/**
 * R12, the composition of a review panel when it is confirmed (seed 003 §5.2.1):
 * a village or street panel has 5 people of the area, of integrity and standing, at most 2 of them village or
 * street cadres (bank staff are not among them); a school's or agency's panel has 3 external members and 2 bank
 * staff; any other panel is bank staff only, at least 3. Alternates stand by and are not counted, but must be
 * of a kind that may sit on the panel.
 */
public final class CompositionPolicy {

    public static final int VILLAGE_SIZE = 5;
    public static final int VILLAGE_MAX_CADRES = 2;
    public static final int INSTITUTION_EXTERNAL = 3;
    public static final int INSTITUTION_BANK = 2;
    public static final int OTHER_MIN = 3;

    /** A member as the rule sees them. */
    public record Seat(MemberRole role, boolean alternate) {
        public static Seat of(MemberRole role) {
            return new Seat(role, false);
        }

        public static Seat alternate(MemberRole role) {
            return new Seat(role, true);
        }
    }

    private CompositionPolicy() {}

    public static Decision check(PanelKind kind, List<Seat> seats) {
        List<Seat> regular = seats.stream().filter(s -> !s.alternate()).toList();
        long bank =
                regular.stream().filter(s -> s.role() == MemberRole.BANK_STAFF).count();
        long external = regular.size() - bank;
        return switch (kind) {
            case VILLAGE, STREET -> village(seats, regular);
            case INSTITUTION ->
                external == INSTITUTION_EXTERNAL && bank == INSTITUTION_BANK
                        ? Decision.allow()
                        : Decision.reject("panel.rule.institutionMix", external, bank);
            case OTHER -> other(seats, regular);
        };
    }

    private static Decision village(List<Seat> all, List<Seat> regular) {
        if (all.stream().anyMatch(s -> s.role() == MemberRole.BANK_STAFF)) {
            return Decision.reject("panel.rule.villageNoBankStaff");
        }
        if (regular.size() != VILLAGE_SIZE) {
            return Decision.reject("panel.rule.villageSize", regular.size());
        }
        long cadres = regular.stream().filter(s -> s.role() == MemberRole.CADRE).count();
        return cadres <= VILLAGE_MAX_CADRES ? Decision.allow() : Decision.reject("panel.rule.villageCadres", cadres);
    }

    private static Decision other(List<Seat> all, List<Seat> regular) {
        if (all.stream().anyMatch(s -> s.role() != MemberRole.BANK_STAFF)) {
            return Decision.reject("panel.rule.otherBankOnly");
        }
        return regular.size() >= OTHER_MIN
                ? Decision.allow()
                : Decision.reject("panel.rule.otherMinimum", regular.size());
    }
}
