package sunshine.customer;

import java.util.List;
import sunshine.shared.BusinessException;

/** A filing that breaks the rules: every field problem, for the form or the workbook row. */
public class FilingRejected extends BusinessException {

    private final transient List<FieldProblem> problems;

    public FilingRejected(List<FieldProblem> problems) {
        super("customer.error.invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
