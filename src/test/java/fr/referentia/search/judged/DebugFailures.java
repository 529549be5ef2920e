package fr.referentia.search.judged;

import fr.referentia.search.FrenchAnalysis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebugFailures {
    @Test
    void print() throws Exception {
        var pairs = Judgements.pairs();
        Map<String, String> texts = new java.util.HashMap<>();
        Judgements.seedItems().forEach(i -> texts.put(i.framework() + "/" + i.code(), i.text()));
        try (AnalysisCandidates c = new AnalysisCandidates(FrenchAnalysis.Variant.valueOf(System.getProperty("variant", "LIGHT_STEMS_FEMININE")))) {
            var proposals = c.proposals(pairs, AnalysisCandidates.ComparisonMode.valueOf(System.getProperty("mode", "LOCAL_STATISTICS_ALL_TERMS")));
            for (var o : pairs) {
                List<String> r = proposals.get(o.framework() + "/" + o.code());
                boolean ok = !r.isEmpty() && (o.exact().contains(r.get(0)) || o.related().contains(r.get(0)));
                if (ok || !o.hasCounterpart()) continue;
                System.out.println("XX " + o.framework().substring(0, 8) + " " + o.code() + " | " + texts.get(o.framework() + "/" + o.code()).substring(0, Math.min(160, texts.get(o.framework() + "/" + o.code()).length())));
                System.out.println("   exact " + o.exact() + " related " + o.related());
                for (String code : r) {
                    String t = texts.get("RAC-METIERS-FORMATION/" + code);
                    System.out.println("   -> " + code + " " + t.substring(0, Math.min(130, t.length())));
                }
            }
        }
    }
}
