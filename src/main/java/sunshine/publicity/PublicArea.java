package sunshine.publicity;

import java.util.List;

/**
 * What an area's public page and printed materials show: the bank, the area, its account managers' contacts (R27:
 * name, staff number, phone are posted) and the members of the confirmed panel covering it (names and roles only).
 */
public record PublicArea(
        long areaId,
        long bankId,
        String bankName,
        long branchId,
        String branchName,
        String branchPhone,
        String branchAddress,
        String areaName,
        String townshipName,
        String token,
        List<Manager> managers,
        List<Member> panelMembers) {

    public record Manager(String name, String staffNo, String phone) {}

    /** A panel member: name and role (a message key suffix), never their phone or ID. */
    public record Member(String name, String role) {}
}
