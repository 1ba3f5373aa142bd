package sunshine.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the demo banks on the first start (when the database holds no bank yet). */
@Component
@ConditionalOnProperty(name = "sunshine.demo.enabled", havingValue = "true")
class DemoOnFirstStart implements ApplicationRunner {

    private final DemoBank demo;
    private final DemoCampaign campaign;
    private final DemoReview review;
    private final DemoChecks checks;
    private final DemoPublicity publicity;
    private final DemoFindings findings;
    private final DemoApproval approval;
    private final DemoCredit credit;
    private final DemoDashboard dashboard;
    private final int customers;

    DemoOnFirstStart(
            DemoBank demo,
            DemoCampaign campaign,
            DemoReview review,
            DemoChecks checks,
            DemoPublicity publicity,
            DemoFindings findings,
            DemoApproval approval,
            DemoCredit credit,
            DemoDashboard dashboard,
            @org.springframework.beans.factory.annotation.Value("${sunshine.demo.customers:3000}") int customers) {
        this.demo = demo;
        this.campaign = campaign;
        this.review = review;
        this.checks = checks;
        this.publicity = publicity;
        this.findings = findings;
        this.approval = approval;
        this.credit = credit;
        this.dashboard = dashboard;
        this.customers = customers;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.currentTimeMillis();
        if (demo.loadIfEmpty()) {
            demo.loadCustomers(customers);
            campaign.load();
            review.load();
            checks.load();
            publicity.load();
            // after the review results: without a pre-credit list it does nothing
            findings.load();
            approval.load();
            credit.load();
            dashboard.load();
            org.slf4j.LoggerFactory.getLogger(DemoOnFirstStart.class)
                    .info("Demo loaded on first start in {} ms", System.currentTimeMillis() - start);
        }
    }
}
