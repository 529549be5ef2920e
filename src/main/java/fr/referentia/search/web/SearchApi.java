package fr.referentia.search.web;

import fr.referentia.framework.ItemType;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import fr.referentia.search.SearchResults;
import fr.referentia.search.SearchSynonyms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Recherche", description = "Recherche plein texte en français dans tous les référentiels")
class SearchApi {

    private final FrameworkSearch search;
    private final SearchSynonyms synonyms;

    SearchApi(FrameworkSearch search, SearchSynonyms synonyms) {
        this.search = search;
        this.synonyms = synonyms;
    }

    record SynonymsResponse(String source, List<List<String>> groups, String text) {
    }

    @GetMapping("/api/v1/search/synonyms")
    @Operation(summary = "Synonymes et sigles du métier appliqués aux recherches (rôle BRANCH_ADMIN) : la liste en "
            + "vigueur, d'où elle vient et son texte ; pour l'étendre, éditer le fichier indiqué par source "
            + "(./data/search/synonyms.txt par défaut), relu en quelques secondes, sans réindexation")
    SynonymsResponse synonyms() {
        return new SynonymsResponse(synonyms.source(), synonyms.current().groups(), synonyms.text());
    }

    record Response(long total, int page, int size, boolean relaxed, boolean partial, List<String> broader,
            Map<String, List<String>> equivalents, List<SearchResults.Hit> hits,
            Map<String, Long> frameworks, Map<ItemType, Long> types) {
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Recherche dans la version courante de chaque référentiel (ou dans la version publiée demandée avec framework et version) : accents, casse, élisions et pluriels indifférents ; synonymes et sigles du métier ajoutés ; les éléments qui contiennent le plus de mots d'abord (partial : certains n'en contiennent qu'une partie ; broader : recherches plus larges) ; résultats classés et surlignés")
    Response search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String framework,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) ItemType type,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        SearchResults results = search.search(new SearchQuery(q, framework, version, type, page, size));
        return new Response(results.total(), page, size, results.relaxed(), results.partial(),
                results.broader(), results.equivalents(), results.hits(),
                results.frameworkCounts(), results.typeCounts());
    }
}
