package sunshine.customer;

import java.util.List;

/** A household: its members and the one credit representative to whom its limit is granted (R8). */
public record Household(
        long id, long areaId, String areaName, Long representativeId, List<Member> members, int version) {

    /** A member as the household page shows it (masked). */
    public record Member(
            long customerId, String name, Relationship relationship, String residentIdMasked, boolean excluded) {}
}
