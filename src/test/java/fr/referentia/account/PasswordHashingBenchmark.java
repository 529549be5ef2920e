package fr.referentia.account;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a sign-in's password check costs (docs/performance.md): the median of 21 hash comparisons after
 * a warm-up, for the bcrypt of before and the Argon2id settings. A program, not a test (no timing in
 * tests): run it as docs/performance.md says.
 */
public final class PasswordHashingBenchmark {

    private PasswordHashingBenchmark() {
    }

    public static void main(String[] args) {
        String password = "le heron au long bec emmanche d'un long cou";
        bench("bcrypt, strength 10 (before)", new BCryptPasswordEncoder(10), password);
        bench("Argon2id 19456 KiB, t=2, p=1 (production)", new Argon2PasswordEncoder(16, 32, 1, 19456, 2), password);
        bench("Argon2id 16384 KiB, t=2, p=1 (Spring 5.8)", new Argon2PasswordEncoder(16, 32, 1, 16384, 2), password);
        bench("Argon2id 1024 KiB, t=1, p=1 (tests)", new Argon2PasswordEncoder(16, 32, 1, 1024, 1), password);
    }

    private static void bench(String name, PasswordEncoder encoder, String password) {
        String hash = encoder.encode(password);
        for (int i = 0; i < 5; i++) {
            encoder.matches(password, hash);
        }
        long[] times = new long[21];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            encoder.matches(password, hash);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%-45s median %6.1f ms  min %6.1f ms  max %6.1f ms%n", name,
                times[times.length / 2] / 1e6, times[0] / 1e6, times[times.length - 1] / 1e6);
    }
}
