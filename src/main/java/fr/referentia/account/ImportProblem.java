package fr.referentia.account;

/** Why one line of an uploaded list of people cannot be imported: its line, column (may be null) and reason. */
public record ImportProblem(int line, String column, String message) {
}
