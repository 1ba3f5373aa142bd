package sunshine.panel.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sunshine.panel.BranchProgress;
import sunshine.panel.Milestone;
import sunshine.panel.Phase;
import sunshine.panel.PlanRow;

/** The numbers behind the plan charts, as plain lists and maps for ECharts (dates as ISO strings). */
final class PlanCharts {

    private PlanCharts() {}

    /**
     * Per milestone, how many areas were planned to be done by each day and how many were actually done by each day
     * (cumulative step curves); the campaign phases as bands; today as a line.
     */
    static Map<String, Object> curves(List<PlanRow> rows, List<Phase> phases, LocalDate today) {
        Map<String, Object> chart = new LinkedHashMap<>();
        List<Map<String, Object>> series = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            series.add(Map.of(
                    "milestone", m.name(),
                    "kind", "planned",
                    "points", cumulative(rows.stream().map(r -> r.planned(m)).toList())));
            series.add(Map.of(
                    "milestone", m.name(),
                    "kind", "actual",
                    "points", cumulative(rows.stream().map(r -> r.actual(m)).toList())));
        }
        chart.put("series", series);
        chart.put(
                "phases",
                phases.stream()
                        .map(p -> Map.of(
                                "code",
                                p.code().name(),
                                "from",
                                p.startsOn().toString(),
                                "to",
                                p.endsOn().toString()))
                        .toList());
        chart.put("today", today.toString());
        chart.put("areas", rows.size());
        return chart;
    }

    static List<List<Object>> cumulative(List<LocalDate> days) {
        TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
        days.stream().filter(Objects::nonNull).forEach(d -> perDay.merge(d, 1, Integer::sum));
        List<List<Object>> points = new ArrayList<>();
        int total = 0;
        for (var e : perDay.entrySet()) {
            total += e.getValue();
            points.add(List.of(e.getKey().toString(), total));
        }
        return points;
    }

    /** Per branch: areas on track, running late, and without a plan (stacked bars). */
    static Map<String, Object> byBranch(List<BranchProgress> progress) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("branches", progress.stream().map(BranchProgress::branchName).toList());
        chart.put("onTrack", progress.stream().map(BranchProgress::onTrack).toList());
        chart.put("late", progress.stream().map(BranchProgress::late).toList());
        chart.put(
                "unplanned", progress.stream().map(p -> p.areas() - p.planned()).toList());
        chart.put("finished", progress.stream().map(BranchProgress::finished).toList());
        return chart;
    }
}
