package sunshine.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import sunshine.customer.Customer;
import sunshine.customer.CustomerRow;
import sunshine.customer.CustomerSearch;
import sunshine.customer.Customers;
import sunshine.organisation.Area;
import sunshine.organisation.AreaKind;
import sunshine.organisation.Areas;
import sunshine.organisation.Bank;
import sunshine.organisation.Banks;
import sunshine.organisation.Branch;
import sunshine.organisation.Branches;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffDirectory;
import sunshine.panel.GroupPosition;
import sunshine.panel.MemberCommand;
import sunshine.panel.MemberRole;
import sunshine.panel.Milestone;
import sunshine.panel.Panel;
import sunshine.panel.PanelChanges;
import sunshine.panel.PanelCommand;
import sunshine.panel.PanelKind;
import sunshine.panel.PanelMember;
import sunshine.panel.Phase;
import sunshine.panel.PlanCommand;
import sunshine.panel.Plans;
import sunshine.panel.TrainingCommand;
import sunshine.panel.Trainings;
import sunshine.panel.WorkingGroup;
import sunshine.panel.WorkingGroupCommand;
import sunshine.panel.WorkingGroups;
import sunshine.shared.PageResult;
import sunshine.shared.Role;
import sunshine.shared.Today;

/**
 * The campaign of the demo bank's first three branches (明水, 双山, 枣园), through the same services people use:
 * a working group each (R1), a rollout plan for every village around today with some villages running late (R3),
 * two confirmed village panels each whose members include filed customers (their households flagged, R12, R13),
 * a draft panel that breaks the cadre rule, and a training session that covers one panel fully (R14).
 * Runs after the demo customers are filed; dates are relative to the day it runs.
 */
@Service
public class DemoCampaign {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

    private final Banks banks;
    private final Branches branches;
    private final Areas areas;
    private final StaffDirectory staff;
    private final CustomerSearch search;
    private final Customers customers;
    private final WorkingGroups groups;
    private final Plans plans;
    private final PanelChanges panels;
    private final Trainings trainings;

    DemoCampaign(
            Banks banks,
            Branches branches,
            Areas areas,
            StaffDirectory staff,
            CustomerSearch search,
            Customers customers,
            WorkingGroups groups,
            Plans plans,
            PanelChanges panels,
            Trainings trainings) {
        this.banks = banks;
        this.branches = branches;
        this.areas = areas;
        this.staff = staff;
        this.search = search;
        this.customers = customers;
        this.groups = groups;
        this.plans = plans;
        this.panels = panels;
        this.trainings = trainings;
    }

    public void load() {
        long start = System.currentTimeMillis();
        Bank bank = banks.findByCode("ZQRCB").orElseThrow();
        Random random = new Random(2026);
        DemoBank.actAsAdmin(bank, () -> {
            calendar();
            for (String code : List.of("B01", "B02", "B03")) {
                Branch branch = branches.tree().stream()
                        .filter(b -> b.code().equals(code))
                        .findFirst()
                        .orElseThrow();
                workingGroup(branch);
                List<Area> villages = plan(branch);
                // the anchor village of each village panel: two filed villagers of different households sit on it
                // (their own households flagged); the draft of B03 keeps the branch's last village
                List<Area> free = new ArrayList<>(villages);
                if (code.equals("B03") && villages.size() > 3) {
                    free.remove(villages.size() - 1);
                }
                List<Area> anchors = new ArrayList<>();
                List<List<CustomerRow>> members = new ArrayList<>();
                for (Area v : free) {
                    if (anchors.size() == 2) {
                        break;
                    }
                    List<CustomerRow> filed = filedRepresentatives(v);
                    if (filed.size() == 2) {
                        anchors.add(v);
                        members.add(filed);
                    }
                }
                free.removeAll(anchors);
                // each village panel reviews its anchor and, like a 片区 panel, neighbouring villages: together
                // about two in five of the branch's villages; the rest wait for later panels (and for tests)
                List<List<Area>> covered = List.of(new ArrayList<>(), new ArrayList<>());
                int more = free.size() * 2 / 5;
                for (int i = 0; i < more && !anchors.isEmpty(); i++) {
                    covered.get(i % anchors.size()).add(free.get(i));
                }
                List<Panel> confirmed = new ArrayList<>();
                for (int i = 0; i < anchors.size(); i++) {
                    confirmed.add(villagePanel(branch, anchors.get(i), covered.get(i), members.get(i), random));
                }
                streetPanel(branch, random);
                training(branch, confirmed);
                if (code.equals("B03") && villages.size() > 3) {
                    draftWithThreeCadres(branch, villages.get(villages.size() - 1), random);
                }
            }
        });
        log.info(
                "Demo campaign (working groups, plans, panels, training) loaded in {} ms",
                System.currentTimeMillis() - start);
    }

    /**
     * Seed 003's five phases with their lengths (53, 30, 16, 10 and 5 days), placed so that the demo's "today"
     * falls in the panel review: the plan's dates and the calendar then tell one story on the chart.
     */
    private void calendar() {
        LocalDate review = Today.date().minusDays(7);
        plans.savePhases(List.of(
                new Phase(Phase.PhaseCode.FILING, review.minusDays(53), review.minusDays(1)),
                new Phase(Phase.PhaseCode.PANEL_REVIEW, review, review.plusDays(29)),
                new Phase(Phase.PhaseCode.ENTRY_AGGREGATION, review.plusDays(30), review.plusDays(45)),
                new Phase(Phase.PhaseCode.CHECKS, review.plusDays(46), review.plusDays(55)),
                new Phase(Phase.PhaseCode.PLATFORM_IMPORT, review.plusDays(56), review.plusDays(60))));
    }

    private void workingGroup(Branch branch) {
        WorkingGroup proposal = groups.proposal(branch.id());
        List<WorkingGroupCommand.Entry> entries = proposal.members().stream()
                .map(m -> new WorkingGroupCommand.Entry(m.staffId(), m.position(), duty(m)))
                .toList();
        groups.save(branch.id(), new WorkingGroupCommand(entries));
    }

    private static String duty(WorkingGroup.Member m) {
        if (m.position() == GroupPosition.LEADER) {
            return "全面负责本支行阳光信贷工作";
        }
        if (m.roles().contains(Role.CREDIT_SUPERVISOR)) {
            return "组织评议小组、预授信评议与核查";
        }
        if (m.roles().contains(Role.ACCOUNTING_SUPERVISOR)) {
            return "评议册录入、核对与汇总";
        }
        if (m.roles().contains(Role.ACCOUNT_MANAGER)) {
            return "包片走访建档，联系村委组织评议";
        }
        return "配合建档与评议册录入";
    }

    /**
     * Plans every village of the branch around today: the earliest villages are done, some of them late; a few
     * whose dates have passed are not done (running late); the rest lie ahead.
     */
    private List<Area> plan(Branch branch) {
        LocalDate today = Today.date();
        List<Area> villages =
                areas.list(branch.id(), null, null, null, "code", new PageResult.Request(0, 500)).items().stream()
                        .filter(a -> a.active() && a.kind() == AreaKind.VILLAGE)
                        .toList();
        for (int i = 0; i < villages.size(); i++) {
            Area v = villages.get(i);
            LocalDate rating = today.minusDays(45).plusDays(i * 3L);
            plans.save(v.id(), new PlanCommand(rating, rating.plusDays(10), rating.plusDays(20), null, null, null));
            boolean late = i % 4 == 3;
            LocalDate[] planned = {rating, rating.plusDays(10), rating.plusDays(20)};
            for (Milestone m : Milestone.values()) {
                LocalDate p = planned[m.ordinal()];
                if (p.isAfter(today) || (late && m != Milestone.RATING)) {
                    break;
                }
                LocalDate actual = i % 5 == 1 ? p.plusDays(3) : p;
                plans.recordActual(v.id(), m, actual.isAfter(today) ? today : actual);
            }
        }
        return villages;
    }

    /** Two representatives of different households filed in the village (fewer when it has fewer). */
    private List<CustomerRow> filedRepresentatives(Area v) {
        List<CustomerRow> filed = new ArrayList<>();
        for (CustomerRow c : search.list(
                        new CustomerSearch.Filter(null, null, v.id(), null, false),
                        "name",
                        new PageResult.Request(0, 20))
                .items()) {
            if (c.representative()
                    && filed.stream().noneMatch(f -> f.householdId() == c.householdId())
                    && filed.size() < 2) {
                filed.add(c);
            }
        }
        return filed;
    }

    private Panel villagePanel(
            Branch branch, Area village, List<Area> neighbours, List<CustomerRow> filed, Random random) {
        Panel p = panels.create(new PanelCommand(
                branch.id(), PanelKind.VILLAGE, village.name().replace("村民委员会", "村") + "评议小组", null, null));
        panels.addArea(p.id(), village.id());
        for (Area n : neighbours) {
            panels.addArea(p.id(), n.id());
        }
        Customer first = customers.get(filed.get(0).id());
        Customer second = customers.get(filed.get(1).id());
        panels.addMember(
                p.id(),
                new MemberCommand(first.name(), MemberRole.CADRE, first.phone(), first.residentId(), null, false));
        panels.addMember(p.id(), new MemberCommand(person(random), MemberRole.CADRE, phone(random), null, null, false));
        panels.addMember(
                p.id(),
                new MemberCommand(
                        second.name(), MemberRole.SHOPKEEPER, second.phone(), second.residentId(), null, false));
        panels.addMember(
                p.id(), new MemberCommand(person(random), MemberRole.LARGE_GROWER, phone(random), null, null, false));
        panels.addMember(
                p.id(),
                new MemberCommand(person(random), MemberRole.SENIOR_PARTY_MEMBER, phone(random), null, null, false));
        panels.addMember(
                p.id(),
                new MemberCommand(person(random), MemberRole.RESIDENT_REPRESENTATIVE, phone(random), null, null, true));
        return panels.confirm(p.id());
    }

    /**
     * A street panel (R12: the village rule) for about two in five of the branch's communities, five residents of
     * them; the other communities wait for a later panel.
     */
    private void streetPanel(Branch branch, Random random) {
        List<Area> communities =
                areas.list(branch.id(), null, null, null, "code", new PageResult.Request(0, 500)).items().stream()
                        .filter(a -> a.active() && a.kind() == AreaKind.COMMUNITY)
                        .toList();
        int n = (communities.size() * 2 + 4) / 5;
        if (n == 0) {
            return;
        }
        Panel p = panels.create(new PanelCommand(
                branch.id(),
                PanelKind.STREET,
                communities.get(0).name().replace("居民委员会", "") + "等" + n + "个社区评议小组",
                null,
                null));
        for (Area c : communities.subList(0, n)) {
            panels.addArea(p.id(), c.id());
        }
        MemberRole[] roles = {
            MemberRole.CADRE,
            MemberRole.SHOPKEEPER,
            MemberRole.AGENCY_STAFF,
            MemberRole.SENIOR_PARTY_MEMBER,
            MemberRole.RESIDENT_REPRESENTATIVE
        };
        for (MemberRole r : roles) {
            panels.addMember(p.id(), new MemberCommand(person(random), r, phone(random), null, null, false));
        }
        panels.confirm(p.id());
    }

    /** A draft the way a new user might start one: three cadres, so the page shows why it cannot be confirmed (R12). */
    private void draftWithThreeCadres(Branch branch, Area village, Random random) {
        Panel p = panels.create(new PanelCommand(
                branch.id(), PanelKind.VILLAGE, village.name().replace("村民委员会", "村") + "评议小组（草稿）", null, null));
        panels.addArea(p.id(), village.id());
        for (int i = 0; i < 3; i++) {
            panels.addMember(
                    p.id(), new MemberCommand(person(random), MemberRole.CADRE, phone(random), null, null, false));
        }
        panels.addMember(
                p.id(), new MemberCommand(person(random), MemberRole.SHOPKEEPER, phone(random), null, null, false));
        panels.addMember(
                p.id(), new MemberCommand(person(random), MemberRole.LARGE_GROWER, phone(random), null, null, false));
    }

    /** One session: every member of the first panel, two of the second (so one panel shows "not all trained"). */
    private void training(Branch branch, List<Panel> confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        List<Long> attendees = new ArrayList<>(
                confirmed.get(0).members().stream().map(PanelMember::id).toList());
        if (confirmed.size() > 1) {
            confirmed.get(1).regular().stream().limit(2).forEach(m -> attendees.add(m.id()));
        }
        Staff trainer = staff.list(branch.id(), Role.CREDIT_SUPERVISOR, null, null, new PageResult.Request(0, 1))
                .items()
                .get(0);
        trainings.create(new TrainingCommand(
                branch.id(),
                Today.date().minusDays(20),
                "评议工作的意义；确定家庭授信代表；补齐缺失的身份证号、住址、电话；评议册填写要求；授信额度控制在家庭净收入的 1.1-1.5 倍；背靠背独立填写",
                trainer.name(),
                branch.name() + "会议室",
                attendees,
                null));
    }

    private static String person(Random random) {
        String surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
        String given = "建国秀英春生玉兰德福志强桂芳海燕";
        return String.valueOf(surnames.charAt(random.nextInt(surnames.length())))
                + given.charAt(random.nextInt(given.length()))
                + given.charAt(random.nextInt(given.length()));
    }

    private static String phone(Random random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }
}
