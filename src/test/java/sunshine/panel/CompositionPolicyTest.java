package sunshine.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R12 worked from the rule text of seed 003 §5.2.1, not from the code:
 * "村委会或街道 … 选取5名 … (村干部、大学生村官、机关干部、商店老板、种植大户、老党员等群众代表且注意村委会或街道干部不得超过2人)";
 * "以学校或机关团体成立的评议小组，外部人员为3人，本行人员为2人"; "其他类预授信评议小组由本行人员组成，人员不少于3人".
 * Members: C cadre, G college-graduate village official, A agency staff, S shopkeeper, L large grower,
 * P senior party member, R resident representative, B bank staff. Alternates (after the bar) are not counted.
 */
class CompositionPolicyTest {

    private static final Map<Character, MemberRole> ROLES = Map.of(
            'C', MemberRole.CADRE,
            'G', MemberRole.GRADUATE_OFFICIAL,
            'A', MemberRole.AGENCY_STAFF,
            'S', MemberRole.SHOPKEEPER,
            'L', MemberRole.LARGE_GROWER,
            'P', MemberRole.SENIOR_PARTY_MEMBER,
            'R', MemberRole.RESIDENT_REPRESENTATIVE,
            'B', MemberRole.BANK_STAFF);

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        // village or street: five people of the area, at most two cadres
        "VILLAGE,     CCSLP,   allow",
        "VILLAGE,     CGASL,   allow",
        "VILLAGE,     GASLP,   allow",
        "STREET,      CCRRR,   allow",
        "VILLAGE,     CCCSL,   panel.rule.villageCadres",
        "STREET,      CCCCC,   panel.rule.villageCadres",
        "VILLAGE,     CSLP,    panel.rule.villageSize",
        "VILLAGE,     CSLPRG,  panel.rule.villageSize",
        "VILLAGE,     '',      panel.rule.villageSize",
        "VILLAGE,     CSLPB,   panel.rule.villageNoBankStaff",
        "VILLAGE,     CCSLP|C, allow",
        "VILLAGE,     CCSLP|B, panel.rule.villageNoBankStaff",
        "VILLAGE,     CSLP|R,  panel.rule.villageSize",
        // school or agency: three external members and two bank staff
        "INSTITUTION, AAGBB,   allow",
        "INSTITUTION, CCCBB,   allow",
        "INSTITUTION, AAAAB,   panel.rule.institutionMix",
        "INSTITUTION, AABBB,   panel.rule.institutionMix",
        "INSTITUTION, AAABBB,  panel.rule.institutionMix",
        "INSTITUTION, AAB,     panel.rule.institutionMix",
        "INSTITUTION, AAGBB|S, allow",
        // other: bank staff only, at least three
        "OTHER,       BBB,     allow",
        "OTHER,       BBBBBB,  allow",
        "OTHER,       BB,      panel.rule.otherMinimum",
        "OTHER,       BBBS,    panel.rule.otherBankOnly",
        "OTHER,       BBB|A,   panel.rule.otherBankOnly",
        "OTHER,       BB|B,    panel.rule.otherMinimum",
    })
    void theRuleText(PanelKind kind, String members, String expected) {
        Decision d = CompositionPolicy.check(kind, seats(members));
        if (expected.equals("allow")) {
            assertThat(d.allowed()).as(d.messageKey()).isTrue();
        } else {
            assertThat(d.allowed()).isFalse();
            assertThat(d.messageKey()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"CCCSL, 3", "CCCCC, 5"})
    void theRefusalSaysHowManyCadresThereAre(String members, long cadres) {
        assertThat(CompositionPolicy.check(PanelKind.VILLAGE, seats(members)).args())
                .containsExactly(cadres);
    }

    @ParameterizedTest
    @CsvSource({"AAAAB, 4, 1", "AABBB, 2, 3"})
    void theInstitutionRefusalSaysTheMix(String members, long external, long bank) {
        assertThat(CompositionPolicy.check(PanelKind.INSTITUTION, seats(members))
                        .args())
                .containsExactly(external, bank);
    }

    static List<CompositionPolicy.Seat> seats(String members) {
        List<CompositionPolicy.Seat> seats = new ArrayList<>();
        String[] parts = members.split("\\|", -1);
        for (char c : parts[0].toCharArray()) {
            seats.add(CompositionPolicy.Seat.of(ROLES.get(c)));
        }
        if (parts.length > 1) {
            for (char c : parts[1].toCharArray()) {
                seats.add(CompositionPolicy.Seat.alternate(ROLES.get(c)));
            }
        }
        return seats;
    }
}
