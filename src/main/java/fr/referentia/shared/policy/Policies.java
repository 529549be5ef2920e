package fr.referentia.shared.policy;

import java.util.List;

/** Applies a list of rules in force to one subject. */
public final class Policies {

    private Policies() {
    }

    /**
     * The first rejection among {@code policies}, in their order, else an allowance: for rules where
     * one reason at a time is enough (a refused grant, an expired link).
     */
    public static <T> Decision firstRejection(T subject, List<? extends Policy<? super T>> policies) {
        for (Policy<? super T> policy : policies) {
            Decision decision = policy.check(subject);
            if (!decision.isAllowed()) {
                return decision;
            }
        }
        return Decision.allowed();
    }

    /**
     * The reason of every rejection, in the order of {@code policies}; empty when all allow: for
     * input the person fixes at once (a password, a form).
     */
    public static <T> List<String> allRejections(T subject, List<? extends Policy<? super T>> policies) {
        return policies.stream().map(policy -> policy.check(subject)).filter(decision -> !decision.isAllowed())
                .map(Decision::reason).toList();
    }
}
