package sunshine.review.booklet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything one printed version of a panel's booklet shows (R16): the cover's facts, one copy per panel member,
 * and the households in their printed order. Plain data, so the renderers need neither the database nor the panel
 * module.
 *
 * @param version the version number of this print within the panel (1, 2, …)
 */
public record BookletContent(
        String bankName,
        String branchName,
        long panelId,
        String panelName,
        int version,
        LocalDate printedOn,
        List<Copy> copies,
        List<Row> rows) {

    /** A member's copy: {@code number} 1..n (their seat on the panel), their own household if filed here (R13). */
    public record Copy(int number, String memberName, String role, Long ownHouseholdId) {}

    /**
     * One household as printed: representative, other members ("李秀英（配偶）"), masked resident ID, address and
     * phone. {@code no} is the row number printed in the first column (1..n).
     */
    public record Row(
            int no,
            long householdId,
            String representative,
            List<String> members,
            String residentIdMasked,
            String address,
            String phone) {}

    /**
     * SHA-256 of everything the booklet shows but its version and date: the same households, members and covers
     * give the same hash, so printing unchanged content again reuses its version.
     */
    public String contentHash() {
        StringBuilder sb = new StringBuilder();
        sb.append(bankName).append('\u001e').append(branchName).append('\u001e').append(panelName);
        for (Copy c : copies) {
            sb.append('\u001d').append(c.number()).append('\u001f').append(c.memberName());
            sb.append('\u001f').append(c.role()).append('\u001f').append(c.ownHouseholdId());
        }
        for (Row r : rows) {
            sb.append('\u001d').append(r.no()).append('\u001f').append(r.householdId());
            sb.append('\u001f').append(r.representative()).append('\u001f').append(String.join("\u001e", r.members()));
            sb.append('\u001f').append(r.residentIdMasked()).append('\u001f').append(r.address());
            sb.append('\u001f').append(r.phone());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same content as another version printed on another day. */
    public BookletContent asVersion(int newVersion, LocalDate on) {
        return new BookletContent(bankName, branchName, panelId, panelName, newVersion, on, copies, rows);
    }

    /** The version as printed on every page and kept in the workbook: P{panel}-V{version}-C{copy}. */
    public String label(int copy) {
        return "P" + panelId + "-V" + version + "-C" + copy;
    }

    public Copy copy(int number) {
        return copies.stream()
                .filter(c -> c.number() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no copy " + number));
    }

    /**
     * The start of the address that every household shares, up to the last administrative level in it (省, 市, 区,
     * 县, 镇, 乡, 街道, 村, 社区…), e.g. "山东省济南市章丘区明水街道东关村": printed once at the top of each page
     * instead of in every row. Empty when the households share less than that.
     */
    public String addressPrefix() {
        String prefix = null;
        for (Row r : rows) {
            String a = r.address() == null ? "" : r.address();
            if (prefix == null) {
                prefix = a;
            } else {
                int n = 0;
                int max = Math.min(prefix.length(), a.length());
                while (n < max && prefix.charAt(n) == a.charAt(n)) {
                    n++;
                }
                prefix = prefix.substring(0, n);
            }
            if (prefix.isEmpty()) {
                return "";
            }
        }
        if (prefix == null || rows.size() < 2) {
            return "";
        }
        int cut = -1;
        for (int i = 0; i < prefix.length(); i++) {
            if (LEVEL_ENDS.indexOf(prefix.charAt(i)) >= 0) {
                cut = i + 1;
            }
        }
        return cut < 4 ? "" : prefix.substring(0, cut);
    }

    private static final String LEVEL_ENDS = "省市区县旗镇乡道村居";

    /** Whether the row is the copy's member's own household, which that member does not estimate (R13). */
    public static boolean ownHousehold(Copy copy, Row row) {
        return copy.ownHouseholdId() != null && copy.ownHouseholdId() == row.householdId();
    }
}
