/**
 * The policy kernel: every business rule is a {@link fr.referentia.shared.policy.Policy} answering a
 * {@link fr.referentia.shared.policy.Decision} (allowed, or rejected with a French reason), applied
 * by {@link fr.referentia.shared.policy.Policies}. Modules write their rules on it.
 */
package fr.referentia.shared.policy;
