package fr.referentia.framework.exchange;

import fr.referentia.shared.BadInputException;
import java.util.List;
import java.util.Map;

/** A spreadsheet that cannot be imported: each problem with its row and column; nothing is saved. */
public class SheetImportException extends BadInputException {

    private final List<ItemSheet.CellError> cells;

    SheetImportException(List<ItemSheet.CellError> cells) {
        super("Le fichier ne peut pas être importé : " + cells.size() + " erreur(s).",
                cells.stream().map(ItemSheet.CellError::text).toList());
        this.cells = List.copyOf(cells);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("cells", cells);
    }
}
