package fr.referentia.shared.jobs;

/** One problem of a job's input that stopped it; row and column only for a spreadsheet's cell. */
public record Problem(Integer row, String column, String message) {
}
