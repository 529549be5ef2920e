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

    protected LoginFailure() {
    }

    LoginFailure(String account, String clientAddress, Instant failedAt) {
        this.account = account;
        this.clientAddress = clientAddress;
        this.failedAt = failedAt;
    }
}
