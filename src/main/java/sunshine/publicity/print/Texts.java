package sunshine.publicity.print;

import java.util.List;
import sunshine.publicity.PublicArea;
import sunshine.publicity.TermsVersion;

/** The wording of the printed materials (Chinese: they are posted in villages), built from the published terms. */
final class Texts {

    private Texts() {}

    static String title(PrintKind kind) {
        return switch (kind) {
            case POSTER -> "阳光信贷公示";
            case LETTER -> "致客户的公开信";
            case PROPOSAL -> "倡议书";
        };
    }

    static List<String> letter(PublicArea area, TermsVersion terms) {
        String place = PrintedMaterials.place(area);
        return List.of(
                area.bankName() + "正在" + place + "开展“阳光信贷”工程：由熟悉情况的村民评议小组协助，为每一户建立档案、评定信用等级、"
                        + "核定授信额度，让大家不求人、不托关系就能贷到款，做到能不能贷、能贷多少、利率如何都心中有数。",
                "贷款条件：" + String.join("；", TermsVersion.lines(terms.conditions())) + "。",
                "办理流程：" + String.join("；", TermsVersion.lines(terms.process())) + "。",
                "我们的承诺：" + String.join("；", TermsVersion.lines(terms.commitments())) + "。",
                "授信额度实行“一次授信、余额控制、随用随贷、周转使用”，贷款利率按信用等级公开定价，信用越好利率越低。" + "工作全过程接受群众监督，欢迎您通过下列电话反映问题，我们将认真调查并答复。");
    }

    static List<String> proposal(PublicArea area) {
        return List.of(
                "诚实守信是立身之本，良好的信用是每个家庭的财富。为共同建设信用村，" + area.bankName() + "向全体村民倡议：",
                "一、珍惜信用。按时还本付息，不借钱不还，不为他人违规担保，共同维护本村的良好信用环境。",
                "二、积极参与。如实提供家庭情况，配合客户经理和村评议小组建档、评议，让信用变成看得见的授信额度。",
                "三、用好贷款。把贷款用在发展生产、经营和改善生活上，量入为出，不借新还旧，不转借他人。",
                "四、参与监督。“阳光信贷”的条件、流程和结果公开透明，发现问题请拨打监督电话或投诉电话，也可扫描公示海报上的二维码提出意见。");
    }
}
