package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.publicity.ComplaintCommand;
import sunshine.publicity.Complaints;
import sunshine.publicity.PublicLinks;

/**
 * An objection raised on the public page without a name (R27, R33) is shown on the notice as an anonymous member of
 * the public with the complaint's reference number, in Chinese or English; a named one keeps the name given.
 */
@PlatformTest
class AnonymousObjectorTest extends ApprovalTestBase {

    @Autowired
    Complaints complaints;

    @Autowired
    PublicLinks links;

    private String noticePage(long noticeId, String lang) throws Exception {
        MockHttpSession head = Logins.as(mvc, "b01_head");
        return mvc.perform(
                        get("/approval/notices/" + noticeId).param("lang", lang).session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anAnonymousPublicObjector_isShownByTheComplaintsNumber_inEitherLanguage() throws Exception {
        var hs = fx.freshHouseholds(BANK, "B01", 2);
        List<Long> ids = throughTheChain("B01", hs, List.of("21000", "22000"));
        long area = hs.get(0).areaId();
        Notice n = postToday("B01", area);

        long anonymous = complaints
                .receivePublic(
                        links.view(area),
                        new ComplaintCommand(area, "OBJECTION", "  ", "13912340001", "该户常年外出 " + System.nanoTime()),
                        ids.get(0))
                .id();
        long named = complaints
                .receivePublic(
                        links.view(area),
                        new ComplaintCommand(area, "OBJECTION", "王五", "13912340002", "额度偏高 " + System.nanoTime()),
                        ids.get(1))
                .id();
        assertThat(fx.status(ids.get(0))).isEqualTo("OBJECTED/-/1");

        String zh = noticePage(n.id(), "zh_CN");
        assertThat(zh).contains("匿名群众（投诉登记编号 " + anonymous + "）").contains("王五").doesNotContain("群众 #");
        String en = noticePage(n.id(), "en");
        assertThat(en)
                .contains("Anonymous member of the public (complaint no. " + anonymous + ")")
                .contains("王五")
                .doesNotContain("匿名群众");
        assertThat(named).isNotEqualTo(anonymous);
    }
}
