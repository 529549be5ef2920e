package fr.referentia.workforce;

import fr.referentia.shared.BadInputException;
import java.util.List;
import java.util.Optional;

/**
 * An organisation's proficiency scale (niveaux de maîtrise): levels ranked 1 to {@link #size()}. The
 * default, used by every organisation that has not set its own, is the four levels.
 */
public record ProficiencyScale(List<ProficiencyLevel> levels) {

    public static final ProficiencyScale DEFAULT = new ProficiencyScale(List.of(
            new ProficiencyLevel(1, "Notions",
                    "Connaît les principes et le vocabulaire ; agit avec un accompagnement rapproché."),
            new ProficiencyLevel(2, "Pratique",
                    "Met en œuvre dans les situations courantes ; demande de l'aide pour les cas inhabituels."),
            new ProficiencyLevel(3, "Maîtrise",
                    "Agit en autonomie dans toutes les situations du poste, y compris les cas complexes."),
            new ProficiencyLevel(4, "Expertise",
                    "Fait référence : transmet, conseille les autres et fait évoluer les pratiques.")));

    public ProficiencyScale {
        levels = List.copyOf(levels);
    }

    public int size() {
        return levels.size();
    }

    public Optional<ProficiencyLevel> level(int rank) {
        return rank >= 1 && rank <= levels.size() ? Optional.of(levels.get(rank - 1)) : Optional.empty();
    }

    /** The label of a rank, or the rank itself when the scale has no such level. */
    public String label(Integer rank) {
        if (rank == null) {
            return "";
        }
        return level(rank).map(ProficiencyLevel::label).orElse(String.valueOf(rank));
    }

    /** The level of that rank; a rank outside the scale is refused with the scale's bounds in French. */
    public ProficiencyLevel require(Integer rank, String what) {
        if (rank == null) {
            throw new BadInputException(what + " est obligatoire : un niveau de 1 à " + size() + " (" + labels() + ").");
        }
        return level(rank).orElseThrow(() -> new BadInputException(what + " « " + rank
                + " » est hors de l'échelle de l'organisme : un niveau de 1 à " + size() + " (" + labels() + ")."));
    }

    private String labels() {
        return String.join(", ", levels.stream().map(l -> l.rank() + " " + l.label()).toList());
    }
}
