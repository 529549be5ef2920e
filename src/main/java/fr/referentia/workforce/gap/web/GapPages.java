package fr.referentia.workforce.gap.web;

import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.workforce.gap.GapAnalyses;
import fr.referentia.workforce.gap.GapAnalyses.GapView;
import fr.referentia.workforce.gap.GapAnalysis;
import fr.referentia.workforce.gap.HeatMaps;
import fr.referentia.workforce.scope.WorkforceScope;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the gap analysis (a chart drawn on the server as SVG, with the same values in a table), of the
 * organisation's heat map (a table whose cells carry their counts) and of the draft development plan.
 */
@Controller
class GapPages {

    static final int CHART_WIDTH = 320;
    static final int CHART_LABEL = 110;
    static final int ROW_HEIGHT = 34;

    private final GapAnalyses gaps;
    private final HeatMaps heatMaps;
    private final WorkforceScope scope;

    GapPages(GapAnalyses gaps, HeatMaps heatMaps, WorkforceScope scope) {
        this.gaps = gaps;
        this.heatMaps = heatMaps;
        this.scope = scope;
    }

    /** One competency of the chart: its bars' widths in pixels (0 when absent) and where its row starts. */
    record ChartRow(String code, int y, int required, int self, int manager) {
    }

    @GetMapping("/gpec/organismes/{organisationId}/personnes/{personId}/ecarts")
    String gap(@PathVariable UUID organisationId, @PathVariable UUID personId, Principal principal,
            @RequestParam(name = "jobProfile", required = false) UUID jobProfile,
            @RequestParam(name = "certification", required = false) String certification, Model model) {
        GapView view = gaps.gap(principal.getName(), organisationId, personId, jobProfile,
                certification == null || certification.isBlank() ? null : certification, true);
        int levels = Math.max(1, view.scale().size());
        List<ChartRow> rows = new ArrayList<>();
        int y = 0;
        for (GapAnalysis.Item item : view.items()) {
            rows.add(new ChartRow(item.itemCode(), y, width(item.required(), levels), width(item.self(), levels),
                    width(item.manager(), levels)));
            y += ROW_HEIGHT;
        }
        model.addAttribute("view", view);
        model.addAttribute("chart", rows);
        model.addAttribute("chartHeight", Math.max(ROW_HEIGHT, y) + 24);
        model.addAttribute("chartWidth", CHART_LABEL + CHART_WIDTH + 10);
        model.addAttribute("labelWidth", CHART_LABEL);
        model.addAttribute("levelStep", CHART_WIDTH / levels);
        return "workforce/gap";
    }

    @GetMapping("/gpec/mes-ecarts")
    String myGap(Principal principal) {
        AccountSummary me = scope.requester(principal.getName());
        if (me.organisationId() == null) {
            return "redirect:/mon-espace";
        }
        return "redirect:/gpec/organismes/" + me.organisationId() + "/personnes/" + me.id() + "/ecarts";
    }

    @GetMapping("/gpec/organismes/{organisationId}/cartographie")
    String heatMap(@PathVariable UUID organisationId, Principal principal, Model model) {
        model.addAttribute("view", heatMaps.heatMap(principal.getName(), organisationId));
        return "workforce/heatmap";
    }

    @GetMapping("/gpec/observatoire")
    String observatory(Principal principal, Model model) {
        model.addAttribute("organisations", heatMaps.organisationsForObserver(principal.getName()));
        return "workforce/observatory";
    }

    @GetMapping("/gpec/organismes/{organisationId}/plan-de-developpement")
    String draftPlan(@PathVariable UUID organisationId, Principal principal, Model model) {
        model.addAttribute("lines", heatMaps.draftPlan(principal.getName(), organisationId));
        model.addAttribute("organisationId", organisationId);
        return "workforce/draft-plan";
    }

    @GetMapping("/gpec/organismes/{organisationId}/plan-de-developpement.xlsx")
    ResponseEntity<byte[]> draftPlanXlsx(@PathVariable UUID organisationId, Principal principal) {
        return GapApi.xlsx(heatMaps.draftPlanXlsx(principal.getName(), organisationId));
    }

    private static int width(Integer level, int levels) {
        return level == null ? 0 : Math.min(CHART_WIDTH, CHART_WIDTH * level / levels);
    }
}
