package sunshine.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Official committee names and the area kinds they stand for (R2). */
class DivisionNamesTest {

    @Test
    void officialCommitteeNamesAreShortenedTheWayPeopleSayThem() {
        assertThat(DivisionCodeLoader.shortName("明一社区居民委员会")).isEqualTo("明一社区");
        assertThat(DivisionCodeLoader.shortName("洪家园村民委员会")).isEqualTo("洪家园村");
        // a village whose own name ends in 村 is written 村 + 村民委员会
        assertThat(DivisionCodeLoader.shortName("卧牛山西村村民委员会")).isEqualTo("卧牛山西村");
        assertThat(DivisionCodeLoader.shortName("文化路居民委员会")).isEqualTo("文化路居委会");
        assertThat(DivisionCodeLoader.shortName("开发区管理委员会")).isEqualTo("开发区管理委员会");
    }

    @Test
    void villagersCommitteesAreVillages_residentsCommitteesAreCommunities() {
        assertThat(DivisionCodeLoader.kindOf("370114001001", "明一社区居民委员会")).isEqualTo(AreaKind.COMMUNITY);
        assertThat(DivisionCodeLoader.kindOf("370112007201", "洪家园村民委员会")).isEqualTo(AreaKind.VILLAGE);
        // by the code when the name says neither: 001-199 residents, 200-399 villagers
        assertThat(DivisionCodeLoader.kindOf("370114001105", "某某委员会")).isEqualTo(AreaKind.COMMUNITY);
        assertThat(DivisionCodeLoader.kindOf("370114001205", "某某委员会")).isEqualTo(AreaKind.VILLAGE);
    }

    @Test
    void theBranchTreeHasItsShape() {
        assertThat(BranchKind.HEAD_OFFICE.canParent(BranchKind.BRANCH)).isTrue();
        assertThat(BranchKind.HEAD_OFFICE.canParent(BranchKind.DEPARTMENT)).isTrue();
        assertThat(BranchKind.HEAD_OFFICE.canParent(BranchKind.OUTLET)).isFalse();
        assertThat(BranchKind.BRANCH.canParent(BranchKind.OUTLET)).isTrue();
        assertThat(BranchKind.OUTLET.canParent(BranchKind.OUTLET)).isFalse();
        assertThat(BranchKind.DEPARTMENT.canParent(BranchKind.BRANCH)).isFalse();
    }

    @Test
    void csvQuotingIsUnderstood() {
        assertThat(Csv.split("1,\"a,b\",\"say \"\"hi\"\"\",")).containsExactly("1", "a,b", "say \"hi\"", "");
    }
}
