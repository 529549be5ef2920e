package fr.referentia.workforce;

/**
 * The years of activity related to a certification that VAE admissibility needs (R2: a per-certification
 * setting, default 3 years). the certification module owns that setting and provides this bean (`certification.CertificationVaeThresholds`); the
 * workforce module never depends on it, and uses {@link #DEFAULT} when no bean is provided.
 */
public interface VaeThresholds {

    /** R2's default: 3 years. */
    VaeThresholds DEFAULT = certificationCode -> 3;

    int yearsFor(String certificationCode);
}
