package fr.referentia.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed sign-in, kept for the throttling window only. */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String account;

    @Column(nullable = false)
    private String clientAddress;

    @Column(nullable = false)
    private Instant failedAt;

    /** The known browser the attempt came from; {@code null} for an unknown one. */
    private Long knownDeviceId;

    protected LoginFailure() {
    }

    LoginFailure(String account, String clientAddress, Instant failedAt, Long knownDeviceId) {
        this.account = account;
        this.clientAddress = clientAddress;
        this.failedAt = failedAt;
        this.knownDeviceId = knownDeviceId;
    }
}
