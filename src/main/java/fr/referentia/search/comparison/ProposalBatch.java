package fr.referentia.search.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The proposals for many texts against one side, spread over worker threads in chunks (an
 * {@link SimilarItems.Destination} is thread-safe), in the order of the texts. {@code onItem} runs
 * once per text, on the worker that finished it: that is how progress is counted.
 */
public final class ProposalBatch {

    /** Texts per task: large enough to keep scheduling cheap, small enough to share the work evenly. */
    static final int CHUNK = 64;

    private ProposalBatch() {
    }

    public static List<List<ProposalRanking.Candidate>> run(SimilarItems.Destination among, List<String> texts,
            int perItem, Set<String> allowedCodes, Executor workers, Runnable onItem) {
        return runOrigins(among, texts.stream().map(SimilarItems.Origin::of).toList(), perItem, allowedCodes, workers,
                onItem);
    }

    /** The same for origins with their parents and criteria. */
    public static List<List<ProposalRanking.Candidate>> runOrigins(SimilarItems.Destination among,
            List<SimilarItems.Origin> texts, int perItem, Set<String> allowedCodes, Executor workers, Runnable onItem) {
        List<CompletableFuture<List<List<ProposalRanking.Candidate>>>> chunks = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += CHUNK) {
            List<SimilarItems.Origin> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
            chunks.add(CompletableFuture.supplyAsync(() -> chunk.stream().map(text -> {
                List<ProposalRanking.Candidate> top = ProposalRanking.top(among.similar(text, perItem), allowedCodes,
                        perItem);
                onItem.run();
                return top;
            }).toList(), workers));
        }
        List<List<ProposalRanking.Candidate>> result = new ArrayList<>(texts.size());
        try {
            chunks.forEach(chunk -> result.addAll(chunk.join()));
        } catch (CompletionException e) {
            chunks.forEach(chunk -> chunk.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return result;
    }
}
