package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Loading areas from official division codes (foundation issue, point 6; R2). */
@PlatformTest
class DivisionImportTest {

    private static final String HEADER = "code,name,streetCode,provinceCode,cityCode,areaCode\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoBankHoldsEveryVillageOfZhangqiu_andLoadingTheSameFileAgainChangesNothing() throws Exception {
        long zqAreas = jdbc.sql("select count(*) from area a join bank k on k.id = a.bank_id"
                        + " where k.code = 'ZQRCB' and a.division_code like '370114%'")
                .query(Long.class)
                .single();
        long fileRows = Files.lines(Path.of("../shared/data/divisions/villages-37.csv")
                        .toAbsolutePath()
                        .normalize())
                .filter(l -> l.startsWith("370114"))
                .count();
        assertThat(fileRows).isEqualTo(594);
        assertThat(zqAreas).isEqualTo(fileRows);

        MockHttpSession admin = Logins.as(mvc, "admin");
        long b01 = new Fixtures(jdbc).branch("ZQRCB", "B01");
        byte[] shipped = getClass()
                .getResourceAsStream("/data/divisions/370114-villages.csv")
                .readAllBytes();
        load(admin, shipped, "370114", b01)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsOfCounty").value(594))
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.renamed").value(0))
                .andExpect(jsonPath("$.unchanged").value(594));
        // a village already known keeps its branch (it was loaded into its township's branch, not B01)
        assertThat(jdbc.sql("select count(*) from area where branch_id = :b")
                        .param("b", b01)
                        .query(Long.class)
                        .single())
                .isLessThan(594);
    }

    @Test
    void townshipNamesComeFromTheStreetsFile() {
        String name = jdbc.sql("select township_name from area where division_code = '370114001001'")
                .query(String.class)
                .single();
        assertThat(name).isEqualTo("明水街道");
    }

    @Test
    void aFirstLoadAddsTheCountysRows_aSecondChangesNothing_anOfficialRenameIsApplied() throws Exception {
        MockHttpSession lc = Logins.as(mvc, "lc_admin");
        long branch = new Fixtures(jdbc).branch("LCRCB", "L01");
        String file = HEADER
                + "370112007203,\"卧牛山东村村民委员会\",370112007,37,3701,370112\n"
                + "370112007204,\"大辛村村民委员会\",370112007,37,3701,370112\n"
                + "370114001001,\"明一社区居民委员会\",370114001,37,3701,370114\n";
        load(lc, file.getBytes(StandardCharsets.UTF_8), "370112", branch)
                .andExpect(jsonPath("$.rowsRead").value(3))
                .andExpect(jsonPath("$.rowsOfCounty").value(2))
                .andExpect(jsonPath("$.added").value(2));
        load(lc, file.getBytes(StandardCharsets.UTF_8), "370112", branch)
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        load(lc, file.replace("大辛村村民委员会", "大辛庄村村民委员会").getBytes(StandardCharsets.UTF_8), "370112", branch)
                .andExpect(jsonPath("$.renamed").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));
        assertThat(jdbc.sql("select name || '/' || kind from area where division_code = '370112007204'")
                        .query(String.class)
                        .single())
                .isEqualTo("大辛庄村/VILLAGE");
    }

    @Test
    void badRowsAreReportedWithTheirLine_andTheGoodOnesStillLoad() throws Exception {
        MockHttpSession lc = Logins.as(mvc, "lc_admin");
        long branch = new Fixtures(jdbc).branch("LCRCB", "L01");
        String file = HEADER
                + "370112008201,\"好村村民委员会\",370112008,37,3701,370112\n"
                + "37011200820X,\"坏代码村\",370112008,37,3701,370112\n"
                + "370112008201,\"重复村村民委员会\",370112008,37,3701,370112\n"
                + "370112008203,,370112008,37,3701,370112\n"
                + "370112008204,\"少列\"\n";
        load(lc, file.getBytes(StandardCharsets.UTF_8), "370112", branch)
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].messageKey").value("division.row.code"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].messageKey").value("division.row.duplicate"))
                .andExpect(jsonPath("$.errors[2].messageKey").value("division.row.name"))
                .andExpect(jsonPath("$.errors[3].messageKey").value("division.row.columns"));
    }

    @Test
    void aFileThatIsNotADivisionFileIsRefusedWholeWithAClearMessage() throws Exception {
        MockHttpSession lc = Logins.as(mvc, "lc_admin");
        long branch = new Fixtures(jdbc).branch("LCRCB", "L01");
        long before = jdbc.sql("select count(*) from area").query(Long.class).single();
        load(lc, "姓名,身份证号\n张三,370102199001011234\n".getBytes(StandardCharsets.UTF_8), "370112", branch)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("division.error.header"));
        assertThat(jdbc.sql("select count(*) from area").query(Long.class).single())
                .isEqualTo(before);
    }

    private ResultActions load(MockHttpSession session, byte[] csv, String county, long branchId) throws Exception {
        return mvc.perform(multipart("/api/v1/areas/division-import")
                .file(new MockMultipartFile("villages", "villages.csv", "text/csv", csv))
                .param("countyCode", county)
                .param("branchId", String.valueOf(branchId))
                .header("Accept-Language", "zh-CN")
                .session(session)
                .with(csrf()));
    }
}
