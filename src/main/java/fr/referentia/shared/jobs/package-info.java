/**
 * The one background-job runner: a module declares a {@link fr.referentia.shared.jobs.JobKind} bean
 * (its work, pool, retention, who may see), submits jobs through {@link fr.referentia.shared.jobs.Jobs},
 * and points people to the one job page ({@code /travaux/{id}}) and status JSON
 * ({@code GET /api/v1/jobs/{id}}).
 */
package fr.referentia.shared.jobs;
