package cn.changdu.labour.contracts.person;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Derives the pseudonymous {@code personKey} that stands for a person in every integration event and
 * dashboard: HMAC-SHA256 of the resident ID under a secret that only the services holding personal data know.
 * Every service must use the same secret, so that one person has one key across services.
 */
public final class PersonKeys {

    private final Mac prototype;

    public PersonKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the person-key secret must be at least 16 characters");
        }
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** {@code pk_} followed by 32 hex characters (128 bits of the MAC: collisions are not a practical risk). */
    public String keyOf(ResidentId residentId) {
        try {
            Mac mac = (Mac) prototype.clone();
            byte[] digest = mac.doFinal(residentId.value().getBytes(StandardCharsets.US_ASCII));
            return "pk_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
