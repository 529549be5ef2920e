package fr.referentia.workforce;

/** One level of a proficiency scale: its rank (1 = lowest), its French label and what it means. */
public record ProficiencyLevel(int rank, String label, String description) {
}
