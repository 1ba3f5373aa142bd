package sunshine.panel;

import java.util.List;
import sunshine.shared.Role;

/** A branch's working group (R1): who leads, who deputises, who else works on the campaign, and for what. */
public record WorkingGroup(long branchId, String branchName, List<Member> members) {

    /** One member: a staff member of the branch (or its outlets), their position and what they are responsible for. */
    public record Member(
            long staffId,
            String staffNo,
            String name,
            String phone,
            String branchName,
            java.util.Set<Role> roles,
            GroupPosition position,
            String duty) {}

    public List<Member> of(GroupPosition position) {
        return members.stream().filter(m -> m.position() == position).toList();
    }

    public Member leader() {
        return members.stream()
                .filter(m -> m.position() == GroupPosition.LEADER)
                .findFirst()
                .orElse(null);
    }

    public boolean empty() {
        return members.isEmpty();
    }
}
