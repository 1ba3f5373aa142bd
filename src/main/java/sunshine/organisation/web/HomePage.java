package sunshine.organisation.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import sunshine.organisation.Banks;
import sunshine.shared.DataScope;

/** The start page: who you are, your bank, and what your scope holds. */
@Controller
class HomePage {

    private final Banks banks;
    private final JdbcClient jdbc;
    private final DataScope scope;

    HomePage(Banks banks, JdbcClient jdbc, DataScope scope) {
        this.banks = banks;
        this.jdbc = jdbc;
        this.scope = scope;
    }

    record Summary(long branches, long staff, long areas, long households, long businessHouseholds) {}

    @GetMapping("/")
    String home(Model model) {
        String c = scope.condition("b");
        Summary s = jdbc.sql("""
                select (select count(*) from branch b where b.active and %1$s),
                       (select count(*) from staff s join branch b on b.id = s.branch_id where s.active and %1$s),
                       (select count(*) from area a join branch b on b.id = a.branch_id where a.active and %1$s),
                       (select coalesce(sum(a.actual_households), 0) from area a join branch b on b.id = a.branch_id where a.active and %1$s),
                       (select coalesce(sum(a.business_households), 0) from area a join branch b on b.id = a.branch_id where a.active and %1$s)
                """.formatted(c))
                .params(scope.params())
                .query((rs, n) ->
                        new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
        model.addAttribute("bank", banks.current());
        model.addAttribute("summary", s);
        return "home";
    }
}
