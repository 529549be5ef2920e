package fr.referentia.search.comparison;

import fr.referentia.shared.BadInputException;
import java.util.Arrays;
import java.util.List;

/** The referentials to compare, as written in a request ("A,B,C"): two to five distinct codes. */
public final class FrameworkSelection {

    static final int MAX = 5;

    private FrameworkSelection() {
    }

    public static List<String> parse(String codes) {
        List<String> list = codes == null ? List.of() : Arrays.stream(codes.split(","))
                .map(String::strip).filter(code -> !code.isEmpty()).distinct().toList();
        if (list.size() < 2) {
            throw new BadInputException("Choisissez au moins deux référentiels différents à comparer.");
        }
        if (list.size() > MAX) {
            throw new BadInputException("On compare au plus " + MAX + " référentiels à la fois (" + list.size()
                    + " demandés).");
        }
        return list;
    }
}
