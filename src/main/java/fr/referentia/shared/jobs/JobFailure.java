package fr.referentia.shared.jobs;

import java.util.List;

/** Thrown by a job's work to end it as FAILED with a French message (and the problems of its input). */
public class JobFailure extends RuntimeException {

    private final transient List<Problem> problems;

    public JobFailure(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public JobFailure(String message) {
        this(message, List.of());
    }

    public List<Problem> problems() {
        return problems;
    }
}
