package sunshine.publicity.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The anti-abuse question of the public complaint form: a small sum ("3 + 5 = ?") whose numbers and expiry travel
 * in a hidden field signed with a key made at start (HMAC-SHA256), so the server keeps no state. Valid 30 minutes.
 */
@Component
class Challenge {

    static final long VALID_MS = 30 * 60_000;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    Challenge() {
        random.nextBytes(key);
    }

    record Question(int a, int b, String token) {}

    Question next() {
        int a = 1 + random.nextInt(9);
        int b = 1 + random.nextInt(9);
        String payload = a + "." + b + "." + (System.currentTimeMillis() + VALID_MS);
        return new Question(a, b, payload + "." + sign(payload));
    }

    /** Whether the answer is the sum of the signed question, and the question has not expired. */
    boolean check(String token, String answer) {
        if (token == null || answer == null) {
            return false;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return false;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(
                sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            if (Long.parseLong(parts[2]) < System.currentTimeMillis()) {
                return false;
            }
            return Integer.parseInt(answer.strip()) == Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
