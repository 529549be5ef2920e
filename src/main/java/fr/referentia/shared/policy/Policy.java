package fr.referentia.shared.policy;

/**
 * One business rule, named after it (with its R-number in the Javadoc when PRODUCT.md states it):
 * allows a subject or rejects it with a French reason. A rule family is an interface extending this
 * one, with one constant per rule and the list of the rules in force (after the library example's
 * {@code PlacingOnHoldPolicy}); {@link Policies} applies such a list.
 */
@FunctionalInterface
public interface Policy<T> {

    Decision check(T subject);
}
